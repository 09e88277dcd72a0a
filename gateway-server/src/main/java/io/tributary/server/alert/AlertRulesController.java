package io.tributary.server.alert;

import static java.util.Objects.requireNonNull;

import io.swagger.v3.oas.annotations.Operation;
import io.tributary.alert.AlertRule;
import io.tributary.alert.AlertRuleRepository;
import io.tributary.alert.InvalidAlertDefinitionException;
import io.tributary.alert.NewAlertRule;
import io.tributary.server.api.Actor;
import io.tributary.server.error.ErrorCode;
import io.tributary.server.error.TributaryException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Alert rules: which events raise alerts, for which jobs or clusters, to which channels. */
@RestController
@RequestMapping("/api/v1/alert-rules")
class AlertRulesController {

    private final AlertRuleRepository rules;
    private final Clock clock;

    AlertRulesController(AlertRuleRepository rules, Clock clock) {
        this.rules = requireNonNull(rules, "rules is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * A rule as posted. The scope is {@code "scope": {"job": "<id>"}} or {@code {"cluster": "<id>"}} (or the
     * top-level {@code job}/{@code cluster}); neither means every job and cluster.
     */
    record RuleRequest(String name, String event, Map<String, String> scope, String job, String cluster,
            List<String> channels, String severity, Integer threshold, Integer windowMinutes,
            List<Map<String, Object>> mutes) {

        NewAlertRule toNewRule() {
            String scopedJob = job;
            String scopedCluster = cluster;
            if (scope != null) {
                for (String key : scope.keySet()) {
                    if (!key.equals("job") && !key.equals("cluster")) {
                        throw new InvalidAlertDefinitionException("scope", "'" + key + "' is not a scope; use"
                                + " {\"job\": \"<id>\"} or {\"cluster\": \"<id>\"}, or no scope for everything");
                    }
                }
                scopedJob = scope.getOrDefault("job", scopedJob);
                scopedCluster = scope.getOrDefault("cluster", scopedCluster);
            }
            return new NewAlertRule(name, event, scopedJob, scopedCluster, channels, severity, threshold,
                    windowMinutes, mutes);
        }
    }

    @PostMapping
    @Operation(summary = "Create a rule: event, scope, channels, severity, threshold and windowMinutes for counted"
            + " events, mutes")
    ResponseEntity<AlertViews.RuleView> create(@RequestBody RuleRequest body, HttpServletRequest request) {
        AlertRule rule = rules.create(body.toNewRule().toRule(Actor.of(request), clock.instant()));
        return ResponseEntity.status(HttpStatus.CREATED).body(AlertViews.rule(rule));
    }

    @GetMapping
    List<AlertViews.RuleView> list() {
        return rules.list().stream().map(AlertViews::rule).toList();
    }

    @GetMapping("/{id}")
    AlertViews.RuleView get(@PathVariable String id) {
        return rules.find(id).map(AlertViews::rule).orElseThrow(() -> notFound(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        if (!rules.delete(id)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    private static TributaryException notFound(String id) {
        return new TributaryException(ErrorCode.NOT_FOUND, "no alert rule with id '" + id + "'");
    }
}
