package io.tributary.alert.channel;

import static java.util.Objects.requireNonNull;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Email through SMTP with Spring's {@link JavaMailSenderImpl}: {@code host}, {@code port} (587 for STARTTLS, 465 for
 * SSL, 25 without TLS unless given), {@code tls} ({@code starttls}, required when chosen; {@code ssl}; {@code none}),
 * {@code username}/{@code password} (authentication when a username is set), {@code from}, {@code to} (comma
 * separated), and {@code sslTrust} (hosts whose certificate is trusted as it is, without a CA or a name check:
 * an internal relay with a self-signed certificate; {@code *} for every host). The
 * idempotency key is in the header {@code X-Tributary-Idempotency-Key} and at the end of the text. An SMTP 4xx or
 * an unreachable server is retried; a 5xx and a failed login are rejections.
 */
public final class EmailSender implements ChannelSender {

    public static final String IDEMPOTENCY_HEADER = "X-Tributary-Idempotency-Key";

    private static final MessageText TEXT = new MessageText(MessageText.Format.PLAIN, 500);

    private final Duration timeout;
    private final Clock clock;

    public EmailSender(Duration timeout, Clock clock) {
        this.timeout = requireNonNull(timeout, "timeout is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public ChannelType type() {
        return ChannelType.EMAIL;
    }

    @Override
    public boolean fits(AlertChannel channel, OutgoingMessage message) {
        return true;
    }

    @Override
    public SendOutcome send(AlertChannel channel, OutgoingMessage message) throws InterruptedException {
        JavaMailSenderImpl sender = mailSender(channel);
        MimeMessage mime = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
            helper.setFrom(channel.requiredSetting("from"));
            helper.setTo(Arrays.stream(channel.requiredSetting("to").split(",")).map(String::strip)
                    .filter(address -> !address.isEmpty()).toArray(String[]::new));
            helper.setSubject(MessageText.title(message));
            helper.setText(TEXT.body(message), false);
            helper.setSentDate(Date.from(clock.instant()));
            mime.setHeader(IDEMPOTENCY_HEADER, message.key());
        } catch (MessagingException e) {
            return SendOutcome.rejected(OptionalInt.empty(), "cannot compose the message: " + e.getMessage());
        }
        String server = sender.getHost() + ":" + sender.getPort();
        try {
            sender.send(mime);
            return SendOutcome.accepted("accepted by " + server);
        } catch (MailAuthenticationException e) {
            return SendOutcome.rejected(OptionalInt.empty(), server + " refused the login: " + e.getMessage());
        } catch (MailSendException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("stopped while sending to " + server);
            }
            return classify(server, e);
        } catch (MailException e) {
            return SendOutcome.retryable(OptionalInt.empty(), server + ": " + e.getMessage());
        }
    }

    private static SendOutcome classify(String server, MailSendException e) {
        for (Exception failure : e.getMessageExceptions()) {
            Throwable cause = failure;
            while (cause != null) {
                if (cause instanceof SMTPSendFailedException smtp) {
                    return smtpCode(server, smtp.getReturnCode(), smtp.getMessage());
                }
                if (cause instanceof SMTPAddressFailedException address) {
                    return smtpCode(server, address.getReturnCode(), address.getMessage());
                }
                if (cause instanceof SendFailedException sendFailed && sendFailed.getNextException() != null
                        && sendFailed.getNextException() != cause) {
                    cause = sendFailed.getNextException();
                    continue;
                }
                cause = cause.getCause();
            }
        }
        return SendOutcome.retryable(OptionalInt.empty(), server + ": " + e.getMessage());
    }

    private static SendOutcome smtpCode(String server, int code, String text) {
        String answer = server + " answered " + code + ": " + (text == null ? "" : text.strip());
        return code >= 500 ? SendOutcome.rejected(OptionalInt.of(code), answer)
                : SendOutcome.retryable(OptionalInt.of(code), answer);
    }

    JavaMailSenderImpl mailSender(AlertChannel channel) {
        String tls = channel.setting("tls").orElse("starttls");
        boolean ssl = tls.equals("ssl");
        String protocol = ssl ? "smtps" : "smtp";
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setProtocol(protocol);
        sender.setHost(channel.requiredSetting("host"));
        sender.setPort(channel.setting("port").map(Integer::parseInt)
                .orElse(ssl ? 465 : tls.equals("starttls") ? 587 : 25));
        sender.setDefaultEncoding("UTF-8");
        Properties properties = new Properties();
        String prefix = "mail." + protocol + ".";
        String millis = Long.toString(timeout.toMillis());
        properties.put(prefix + "connectiontimeout", millis);
        properties.put(prefix + "timeout", millis);
        properties.put(prefix + "writetimeout", millis);
        if (tls.equals("starttls")) {
            properties.put(prefix + "starttls.enable", "true");
            properties.put(prefix + "starttls.required", "true");
        }
        Optional<String> trusted = channel.setting("sslTrust");
        if (trusted.isPresent()) {
            // Hosts trusted as they are: their certificate is accepted without a CA and without a name check.
            properties.put(prefix + "ssl.trust", trusted.get());
            properties.put(prefix + "ssl.checkserveridentity", "false");
        } else if (!tls.equals("none")) {
            properties.put(prefix + "ssl.checkserveridentity", "true");
        }
        channel.setting("username").ifPresent(username -> {
            properties.put(prefix + "auth", "true");
            sender.setUsername(username);
            sender.setPassword(channel.setting("password").orElse(""));
        });
        sender.setJavaMailProperties(properties);
        return sender;
    }
}
