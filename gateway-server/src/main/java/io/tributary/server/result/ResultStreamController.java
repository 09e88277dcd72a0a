package io.tributary.server.result;

import static java.util.Objects.requireNonNull;

import io.tributary.server.error.ErrorCode;
import io.tributary.server.error.TributaryException;
import io.tributary.server.gateway.EmbeddedSqlGateway;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.UUID;
import org.apache.flink.table.gateway.api.SqlGatewayService;
import org.apache.flink.table.gateway.api.operation.OperationHandle;
import org.apache.flink.table.gateway.api.session.SessionHandle;
import org.apache.flink.table.gateway.api.utils.SqlGatewayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/sessions/{sessionId}/operations/{operationId}/rows?token=N}: an operation's results from page
 * {@code token} to their end as one streamed (chunked) response in the dense row encoding, read from the embedded
 * gateway's service directly — no JSON, no request per page. The session's handle is what authorises it, as for
 * the gateway's own REST protocol: an unknown session, or an operation that is not the session's, is a 404.
 * Results pass through the same service as the REST protocol's, so statement history, cancel and timeouts apply.
 */
@RestController
class ResultStreamController {

    private static final Logger LOG = LoggerFactory.getLogger(ResultStreamController.class);
    private static final int BUFFER_BYTES = 64 * 1024;

    private final EmbeddedSqlGateway gateway;

    ResultStreamController(EmbeddedSqlGateway gateway) {
        this.gateway = requireNonNull(gateway, "gateway is null");
    }

    @GetMapping("/api/v1/sessions/{sessionId}/operations/{operationId}/rows")
    void rows(@PathVariable String sessionId, @PathVariable String operationId,
            @RequestParam(defaultValue = "0") long token, HttpServletResponse response) throws IOException {
        if (token < 0) {
            throw new TributaryException(ErrorCode.INVALID_REQUEST, "token must not be negative, was " + token);
        }
        SessionHandle session = new SessionHandle(id(sessionId, "session"));
        OperationHandle operation = new OperationHandle(id(operationId, "operation"));
        SqlGatewayService service = gateway.service();
        try {
            service.getOperationInfo(session, operation);
        } catch (SqlGatewayException e) {
            throw new TributaryException(ErrorCode.NOT_FOUND, "no operation '" + operationId
                    + "' in an open gateway session '" + sessionId + "'");
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(RowFrameWriter.MEDIA_TYPE);
        response.setHeader("Cache-Control", "no-store");
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(response.getOutputStream(),
                BUFFER_BYTES));
        try {
            new ResultStreamer(service).stream(session, operation, token, new RowFrameWriter(out));
        } catch (IOException e) {
            // The client went away (it closed the result early): the operation is its to close.
            LOG.debug("Result stream of operation {} ended by its client: {}", operationId, e.toString());
        }
    }

    private static UUID id(String text, String what) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new TributaryException(ErrorCode.NOT_FOUND, "no " + what + " with id '" + text + "'");
        }
    }
}
