package io.tributary.server.alert;

import io.tributary.alert.AlertHistory;
import io.tributary.alert.AlertLinks;
import io.tributary.alert.AlertPipeline;
import io.tributary.alert.AlertRuleRepository;
import io.tributary.alert.JobStateAlerts;
import io.tributary.alert.channel.AlertChannelRepository;
import io.tributary.alert.channel.ChannelSenders;
import io.tributary.alert.channel.ChannelType;
import io.tributary.alert.dispatch.AlertDispatchers;
import io.tributary.alert.dispatch.AlertOutbox;
import io.tributary.alert.dispatch.DispatchSettings;
import io.tributary.catalog.secret.SecretCipher;
import io.tributary.job.StateChangeListener;
import io.tributary.server.config.TributaryProperties;
import io.tributary.server.startup.StartupFailure;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Alerts: channels and rules in the metadata database, the pipeline that writes a job's alerts in the transaction
 * of its state change (registered with the job repository as its {@link StateChangeListener}), and one dispatcher
 * per channel.
 */
@Configuration(proxyBeanMethods = false)
public class AlertsConfiguration {

    private static final String RATE_LIMITS = "tributary.alerts.rate-limits";

    @Bean
    AlertChannelRepository alertChannelRepository(DSLContext database, SecretCipher cipher, Clock clock) {
        return new AlertChannelRepository(database, cipher, clock);
    }

    @Bean
    AlertRuleRepository alertRuleRepository(DSLContext database) {
        return new AlertRuleRepository(database);
    }

    @Bean
    AlertHistory alertHistory(DSLContext database) {
        return new AlertHistory(database);
    }

    @Bean
    AlertOutbox alertOutbox(DSLContext database, Clock clock) {
        return new AlertOutbox(database, clock);
    }

    /** Links in messages: the management API as users reach it, and the embedded cluster's web UI. */
    @Bean
    AlertLinks alertLinks(TributaryProperties properties, @Value("${server.address:127.0.0.1}") String address,
            @Value("${server.port}") int port) {
        String publicUrl = properties.alerts().publicUrl();
        String management = publicUrl == null || publicUrl.isBlank() ? "http://" + address + ":" + port
                : publicUrl.strip();
        TributaryProperties.Flink flink = properties.flink();
        return new AlertLinks(management, URI.create("http://" + flink.address() + ":" + flink.port()));
    }

    /** Committed alerts wake this instance's dispatchers at once. */
    @Bean
    AlertPipeline alertPipeline(DSLContext database, AlertRuleRepository rules, AlertLinks links, Clock clock,
            AlertDispatchers dispatchers) {
        return new AlertPipeline(database, rules, links, clock, dispatchers::wakeUp);
    }

    /** Job state changes raise their alerts inside their own transaction (see JobsConfiguration). */
    @Bean
    StateChangeListener jobStateAlerts(AlertPipeline pipeline) {
        return new JobStateAlerts(pipeline);
    }

    @Bean
    ClusterHealthAlerts clusterHealthAlerts(AlertPipeline pipeline, AlertDispatchers dispatchers) {
        return new ClusterHealthAlerts(pipeline, dispatchers::wakeUp);
    }

    @Bean
    DispatchSettings alertDispatchSettings(TributaryProperties properties) {
        AlertProperties alerts = properties.alerts();
        Map<ChannelType, Integer> rates = new EnumMap<>(ChannelType.class);
        alerts.rateLimits().forEach((label, rate) -> {
            ChannelType type = ChannelType.fromLabel(label).orElseThrow(() -> new StartupFailure(RATE_LIMITS + "."
                    + label, "not a channel type; use webhook, email, lark, dingtalk, wecom or slack"));
            if (rate == null || rate < 1) {
                throw new StartupFailure(RATE_LIMITS + "." + label, "must be at least 1 message a minute");
            }
            rates.put(type, rate);
        });
        try {
            return new DispatchSettings(alerts.pollInterval(), alerts.leaseDuration(), alerts.requestTimeout(),
                    alerts.maxAttempts(), alerts.initialBackoff(), alerts.maxBackoff(), 5000, Duration.ofSeconds(5),
                    rates);
        } catch (IllegalArgumentException e) {
            throw new StartupFailure("tributary.alerts.lease-duration", e.getMessage());
        }
    }

    @Bean
    ChannelSenders channelSenders(DispatchSettings settings, Clock clock) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(settings.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return ChannelSenders.standard(http, settings.requestTimeout(), clock);
    }

    @Bean(destroyMethod = "close")
    AlertDispatchers alertDispatchers(DSLContext database, AlertChannelRepository channels, AlertOutbox outbox,
            ChannelSenders senders, DispatchSettings settings, Clock clock) {
        return new AlertDispatchers(database, channels, outbox, senders, settings, clock, holderName());
    }

    /** This process in the leases: host, process id and a random part (a restarted process is another holder). */
    private static String holderName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "/" + ManagementFactory.getRuntimeMXBean().getPid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
