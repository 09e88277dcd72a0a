package io.tributary.alert.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.tributary.alert.DeliveryStatus;
import io.tributary.alert.testing.AlertStore;
import io.tributary.alert.testing.SampleAlerts;
import io.tributary.metadata.MetadataDatabaseKind;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The email channel against a real SMTP server in the test JVM (GreenMail): what arrives (from, to, subject, the
 * exact text, the idempotency key), authentication, SMTP over SSL, a wrong password and a server that is down; and
 * a burst dispatched from the outbox as one digest mail that lists every job.
 */
class EmailChannelIT {

    private static final String USER = "alerts";
    private static final String PASSWORD = "mail-password-1";

    private GreenMail mail;

    @AfterEach
    void stop() {
        if (mail != null) {
            mail.stop();
        }
    }

    private GreenMail start(String protocol) {
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", protocol))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("alerts@tributary.test", USER, PASSWORD));
        mail.start();
        return mail;
    }

    private int port() {
        return mail.getSmtp() != null ? mail.getSmtp().getPort() : mail.getSmtps().getPort();
    }

    private AlertChannel channel(String tls, String password) {
        Map<String, String> settings = new HashMap<>(Map.of("host", "127.0.0.1", "port", Integer.toString(port()),
                "tls", tls, "username", USER, "from", "Tributary <alerts@tributary.test>",
                "to", "oncall@example.com,dev@example.com"));
        if (tls.equals("ssl")) {
            settings.put("sslTrust", "127.0.0.1");
        }
        return SampleAlerts.channel(ChannelType.EMAIL, settings, Map.of("password", password));
    }

    @Test
    void anAlertArrivesWithItsSubjectTextAndIdempotencyKey() throws Exception {
        start(ServerSetup.PROTOCOL_SMTP);
        SendOutcome outcome = new EmailSender(Duration.ofSeconds(5), Clock.systemUTC())
                .send(channel("none", PASSWORD), SampleAlerts.single(1));

        assertThat(outcome.result()).as(outcome.describe()).isEqualTo(SendOutcome.Result.ACCEPTED);
        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(2);
        MimeMessage message = received[0];
        assertThat(message.getSubject()).isEqualTo("[CRITICAL] Job 'orders-1' failed");
        assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("alerts@tributary.test");
        assertThat(Arrays.stream(message.getAllRecipients()).map(Object::toString))
                .containsExactly("oncall@example.com", "dev@example.com");
        assertThat(message.getHeader("X-Tributary-Idempotency-Key")).containsExactly("msg-1");
        assertThat(((String) message.getContent()).replace("\r\n", "\n")).isEqualTo("""
                [CRITICAL] Job 'orders-1' failed
                Job: orders-1 (job-1)
                Cluster: embedded
                Flink job: 0123456789abcdef0123456789abcdef
                When: 2026-11-24T10:15:30Z
                Reason: java.lang.NumberFormatException: For input string: "abc"
                Tributary: http://127.0.0.1:8080/api/v1/jobs/job-1
                Flink web UI: http://127.0.0.1:8081/#/job/completed/0123456789abcdef0123456789abcdef/overview

                Tributary alert msg-1""");
    }

    @Test
    void smtpOverSslWithATrustedSelfSignedCertificate() throws Exception {
        start(ServerSetup.PROTOCOL_SMTPS);
        SendOutcome outcome = new EmailSender(Duration.ofSeconds(5), Clock.systemUTC())
                .send(channel("ssl", PASSWORD), SampleAlerts.single(2));
        assertThat(outcome.result()).as(outcome.describe()).isEqualTo(SendOutcome.Result.ACCEPTED);
        assertThat(mail.getReceivedMessages()).hasSize(2);
        assertThat(mail.getReceivedMessages()[0].getSubject()).isEqualTo("[CRITICAL] Job 'orders-2' failed");
    }

    @Test
    void aWrongPasswordIsRejectedAndAServerThatIsDownIsRetried() throws Exception {
        start(ServerSetup.PROTOCOL_SMTP);
        EmailSender sender = new EmailSender(Duration.ofSeconds(5), Clock.systemUTC());
        SendOutcome wrong = sender.send(channel("none", "not-the-password"), SampleAlerts.single(1));
        assertThat(wrong.result()).isEqualTo(SendOutcome.Result.REJECTED);
        assertThat(wrong.answer()).startsWith("127.0.0.1:" + port() + " refused the login");
        AlertChannel down = channel("none", PASSWORD);
        mail.stop();
        mail = null;
        SendOutcome unreachable = sender.send(down, SampleAlerts.single(1));
        assertThat(unreachable.result()).isEqualTo(SendOutcome.Result.RETRYABLE);
        assertThat(unreachable.answer()).doesNotContain(PASSWORD);
    }

    @Test
    void aBurstIsDispatchedAsOneDigestMailListingEveryJob() throws Exception {
        start(ServerSetup.PROTOCOL_SMTP);
        try (AlertStore store = AlertStore.create(MetadataDatabaseKind.H2)) {
            AlertChannel channel = store.channel("mail", "email", Map.of("host", "127.0.0.1", "port", port(),
                    "tls", "none", "username", USER, "password", PASSWORD, "from", "alerts@tributary.test",
                    "to", java.util.List.of("oncall@example.com")), null);
            store.everyFailureTo(channel);
            store.failAtOnce(1, 50);
            try (var dispatchers = store.dispatchers("instance-1", AlertStore.QUICK)) {
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (store.counts(channel).get(DeliveryStatus.DELIVERED) < 50 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
            }
            assertThat(store.counts(channel).get(DeliveryStatus.DELIVERED)).isEqualTo(50);
            MimeMessage[] received = mail.getReceivedMessages();
            assertThat(received).hasSize(1);
            assertThat(received[0].getSubject()).isEqualTo("[CRITICAL] 50 alerts: 50 job failed");
            String text = (String) received[0].getContent();
            for (int n = 1; n <= 50; n++) {
                assertThat(text).contains("job 'orders-" + n + "' failed on embedded at");
            }
        }
    }
}
