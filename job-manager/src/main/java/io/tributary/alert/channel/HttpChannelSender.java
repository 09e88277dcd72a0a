package io.tributary.alert.channel;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the HTTP channels share: one POST with a timeout, and the reading of HTTP's answer — 2xx accepted (unless the
 * platform says otherwise in the body), 429 throttled with its Retry-After, 408 and 5xx worth a retry, any other 4xx
 * rejected. Error texts name the host only: the chat platforms' URLs carry their token.
 */
abstract class HttpChannelSender implements ChannelSender {

    static final ObjectMapper JSON = new ObjectMapper();

    protected final HttpClient http;
    protected final Duration timeout;
    protected final Clock clock;

    HttpChannelSender(HttpClient http, Duration timeout, Clock clock) {
        this.http = requireNonNull(http, "http is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    protected SendOutcome post(URI uri, Map<String, String> headers, String body) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, UTF_8));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
        } catch (HttpTimeoutException e) {
            return SendOutcome.retryable(OptionalInt.empty(), "no answer from " + uri.getHost() + " within "
                    + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return SendOutcome.retryable(OptionalInt.empty(), "cannot reach " + uri.getHost() + ":" + port(uri) + " ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
        return interpret(response);
    }

    /** HTTP's own answer; chat platforms read their body code first. */
    protected SendOutcome interpret(HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body().strip();
        if (status >= 200 && status < 300) {
            return SendOutcome.accepted(status, body);
        }
        if (status == 429) {
            return SendOutcome.throttled(status, body, retryAfter(response));
        }
        if (status == 408 || status >= 500) {
            return SendOutcome.retryable(OptionalInt.of(status), body);
        }
        return SendOutcome.rejected(OptionalInt.of(status), body);
    }

    /** The wait a 429 asks for: Retry-After in seconds or as an HTTP date; Lark's x-ogw-ratelimit-reset. */
    protected Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After")
                .or(() -> response.headers().firstValue("x-ogw-ratelimit-reset"));
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime until = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), until.toInstant());
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    /** The body as JSON, or null when it is not JSON. */
    protected static JsonNode json(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    protected static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The UTF-8 size of a text once written as a JSON string. */
    protected static int jsonBytes(String text) {
        return toJson(text).getBytes(UTF_8).length;
    }

    static byte[] hmacSha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }
}
