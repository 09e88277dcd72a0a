package io.tributary.server.error;

import io.tributary.analysis.AnalysisFailedException;
import io.tributary.analysis.SqlSyntaxError;
import io.tributary.alert.InvalidAlertDefinitionException;
import io.tributary.alert.channel.AlertChannelInUseException;
import io.tributary.alert.channel.AlertChannelNameTakenException;
import io.tributary.catalog.admin.CatalogObjectNotFoundException;
import io.tributary.catalog.store.CatalogDefinitionException;
import io.tributary.cluster.ClusterInUseException;
import io.tributary.cluster.ClusterNameTakenException;
import io.tributary.cluster.InvalidClusterException;
import io.tributary.job.JobNameTakenException;
import io.tributary.job.deploy.ClusterUnavailableException;
import io.tributary.job.deploy.DeploymentException;
import io.tributary.job.lifecycle.JobNotFoundException;
import io.tributary.job.lifecycle.JobStateConflictException;
import io.tributary.job.lifecycle.RestorePointUnavailableException;
import io.tributary.job.promote.InvalidPromotionException;
import io.tributary.server.impact.ImpactRefusedException;
import io.tributary.server.statement.SessionStatementNotFoundException;
import io.tributary.server.alert.ChannelTestFailedException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** The one place where an error becomes an HTTP status and a body: {@link ErrorCode} decides both. */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(TributaryException.class)
    ResponseEntity<ApiError> tributary(TributaryException e) {
        if (e.code().type() == ErrorType.INTERNAL_ERROR) {
            LOG.error("Internal error", e);
        }
        return respond(e.code(), e.getMessage());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> notFound(NoResourceFoundException e) {
        return respond(ErrorCode.NOT_FOUND, "no such resource: /" + e.getResourcePath());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return respond(ErrorCode.METHOD_NOT_ALLOWED, e.getMessage());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return respond(ErrorCode.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentNotValidException.class,
            MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ApiError> invalid(Exception e) {
        String message = e instanceof HttpMessageNotReadableException unreadable
                ? "malformed request body: " + firstLine(unreadable.getMostSpecificCause().getMessage())
                : firstLine(e.getMessage());
        return respond(ErrorCode.INVALID_REQUEST, message);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        LOG.error("Unexpected error", e);
        return respond(ErrorCode.INTERNAL_ERROR, "internal error: " + e.getClass().getSimpleName());
    }

    @ExceptionHandler(JobNotFoundException.class)
    ResponseEntity<ApiError> jobNotFound(JobNotFoundException e) {
        return respond(ErrorCode.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(JobStateConflictException.class)
    ResponseEntity<ApiError> jobState(JobStateConflictException e) {
        return respond(ErrorCode.CONFLICT, e.getMessage(), Map.of("state", e.state().name()));
    }

    @ExceptionHandler(InvalidPromotionException.class)
    ResponseEntity<ApiError> invalidPromotion(InvalidPromotionException e) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("field", e.field());
        e.position().ifPresent(position -> {
            details.put("line", position.line());
            details.put("column", position.column());
        });
        ErrorCode code = e.field().equals("statement") || e.field().equals("dependencies")
                ? ErrorCode.INVALID_STATEMENT : ErrorCode.INVALID_REQUEST;
        return respond(code, e.getMessage(), details);
    }

    @ExceptionHandler(InvalidClusterException.class)
    ResponseEntity<ApiError> invalidCluster(InvalidClusterException e) {
        return respond(ErrorCode.INVALID_REQUEST, e.getMessage(), Map.of("field", e.field()));
    }

    @ExceptionHandler(InvalidAlertDefinitionException.class)
    ResponseEntity<ApiError> invalidAlertDefinition(InvalidAlertDefinitionException e) {
        return respond(ErrorCode.INVALID_REQUEST, e.getMessage(), Map.of("field", e.field()));
    }

    @ExceptionHandler(ChannelTestFailedException.class)
    ResponseEntity<ApiError> channelTestFailed(ChannelTestFailedException e) {
        Map<String, Object> details = new LinkedHashMap<>();
        e.outcome().statusCode().ifPresent(status -> details.put("channelStatus", status));
        details.put("answer", e.outcome().answer());
        details.put("outcome", e.outcome().result().name());
        return respond(ErrorCode.EXTERNAL_UNAVAILABLE, e.getMessage(), details);
    }

    @ExceptionHandler({JobNameTakenException.class, ClusterNameTakenException.class,
            AlertChannelNameTakenException.class})
    ResponseEntity<ApiError> alreadyExists(RuntimeException e) {
        return respond(ErrorCode.ALREADY_EXISTS, e.getMessage());
    }

    @ExceptionHandler({ClusterInUseException.class, RestorePointUnavailableException.class,
            AlertChannelInUseException.class})
    ResponseEntity<ApiError> conflict(RuntimeException e) {
        return respond(ErrorCode.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(ClusterUnavailableException.class)
    ResponseEntity<ApiError> clusterUnavailable(ClusterUnavailableException e) {
        return respond(ErrorCode.CLUSTER_UNAVAILABLE, e.getMessage());
    }

    @ExceptionHandler(DeploymentException.class)
    ResponseEntity<ApiError> deploymentFailed(DeploymentException e) {
        return respond(ErrorCode.DEPLOYMENT_FAILED, e.getMessage());
    }

    @ExceptionHandler(CatalogDefinitionException.class)
    ResponseEntity<ApiError> catalogDefinition(CatalogDefinitionException e) {
        ErrorCode code = switch (e.error()) {
            case CATALOG_ALREADY_EXISTS -> ErrorCode.ALREADY_EXISTS;
            case CATALOG_NOT_FOUND -> ErrorCode.NOT_FOUND;
            case CATALOG_CHANGED_CONCURRENTLY -> ErrorCode.CONFLICT;
            case INVALID_CATALOG_DEFINITION -> ErrorCode.INVALID_REQUEST;
            case SECRET_UNREADABLE -> ErrorCode.INTERNAL_ERROR;
        };
        return respond(code, e.getMessage());
    }

    @ExceptionHandler(CatalogObjectNotFoundException.class)
    ResponseEntity<ApiError> catalogObjectNotFound(CatalogObjectNotFoundException e) {
        return respond(ErrorCode.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(SqlSyntaxError.class)
    ResponseEntity<ApiError> syntaxError(SqlSyntaxError e) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("line", e.line());
        details.put("column", e.column());
        details.put("endLine", e.span().endLine());
        details.put("endColumn", e.span().endColumn());
        details.put("analysisError", e.code().name());
        if (!e.expected().isEmpty()) {
            details.put("expected", e.expected());
        }
        return respond(ErrorCode.INVALID_STATEMENT, e.getMessage(), details);
    }

    @ExceptionHandler(AnalysisFailedException.class)
    ResponseEntity<ApiError> analysisFailed(AnalysisFailedException e) {
        ErrorCode code = switch (e.code()) {
            case CATALOG_LOOKUP_FAILED -> ErrorCode.EXTERNAL_UNAVAILABLE;
            case INTERNAL_ERROR -> ErrorCode.INTERNAL_ERROR;
            default -> ErrorCode.INVALID_STATEMENT;
        };
        if (code == ErrorCode.INTERNAL_ERROR) {
            LOG.error("Statement analysis failed", e);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("analysisError", e.code().name());
        details.put("line", e.statement().span().line());
        details.put("column", e.statement().span().column());
        return respond(code, e.getMessage(), details);
    }

    @ExceptionHandler(ImpactRefusedException.class)
    ResponseEntity<ApiError> impactRefused(ImpactRefusedException e) {
        return respond(ErrorCode.CONFLICT, e.getMessage(), Map.of("change", e.change(), "jobs", e.jobs()));
    }

    @ExceptionHandler(SessionStatementNotFoundException.class)
    ResponseEntity<ApiError> sessionStatementNotFound(SessionStatementNotFoundException e) {
        return respond(ErrorCode.NOT_FOUND, e.getMessage());
    }

    private static ResponseEntity<ApiError> respond(ErrorCode code, String message) {
        return respond(code, message, Map.of());
    }

    private static ResponseEntity<ApiError> respond(ErrorCode code, String message, Map<String, Object> details) {
        return ResponseEntity.status(code.status()).body(ApiError.of(code, message, details));
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
