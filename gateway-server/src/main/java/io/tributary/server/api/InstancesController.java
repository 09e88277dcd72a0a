package io.tributary.server.api;

import static java.util.Objects.requireNonNull;

import io.tributary.instance.ServerInstance;
import io.tributary.instance.ServerInstanceRepository;
import io.tributary.server.error.ErrorCode;
import io.tributary.server.error.TributaryException;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The starts of Tributary servers on this metadata database (several instances may share one MySQL). */
@RestController
@RequestMapping("/api/v1")
class InstancesController {

    static final int MAX_LIMIT = 500;

    private final ServerInstanceRepository repository;

    InstancesController(ServerInstanceRepository repository) {
        this.repository = requireNonNull(repository, "repository is null");
    }

    @GetMapping("/instances")
    @Operation(summary = "Recent server starts on this metadata database, newest first; running ones have no stoppedAt")
    List<ServerInstance> instances(@RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new TributaryException(ErrorCode.INVALID_REQUEST,
                    "limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        return repository.recent(limit);
    }
}
