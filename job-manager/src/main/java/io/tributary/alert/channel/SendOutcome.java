package io.tributary.alert.channel;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a channel answered to one attempt: accepted; throttled (HTTP 429 or the platform's "too fast" code, with
 * the wait it asked for); a failure worth retrying (5xx, no answer in time, not reachable); or rejected for good
 * (a wrong signature, an unknown webhook: retrying cannot help).
 */
public record SendOutcome(Result result, OptionalInt statusCode, String answer, Optional<Duration> retryAfter) {

    public enum Result { ACCEPTED, THROTTLED, RETRYABLE, REJECTED }

    private static final int MAX_ANSWER = 1000;

    public SendOutcome {
        requireNonNull(result, "result is null");
        requireNonNull(statusCode, "statusCode is null");
        requireNonNull(answer, "answer is null");
        requireNonNull(retryAfter, "retryAfter is null");
        answer = answer.length() <= MAX_ANSWER ? answer : answer.substring(0, MAX_ANSWER - 3) + "...";
    }

    public static SendOutcome accepted(int status, String answer) {
        return new SendOutcome(Result.ACCEPTED, OptionalInt.of(status), answer, Optional.empty());
    }

    public static SendOutcome accepted(String answer) {
        return new SendOutcome(Result.ACCEPTED, OptionalInt.empty(), answer, Optional.empty());
    }

    public static SendOutcome throttled(int status, String answer, Optional<Duration> retryAfter) {
        return new SendOutcome(Result.THROTTLED, OptionalInt.of(status), answer, retryAfter);
    }

    public static SendOutcome retryable(OptionalInt status, String answer) {
        return new SendOutcome(Result.RETRYABLE, status, answer, Optional.empty());
    }

    public static SendOutcome rejected(OptionalInt status, String answer) {
        return new SendOutcome(Result.REJECTED, status, answer, Optional.empty());
    }

    public boolean accepted() {
        return result == Result.ACCEPTED;
    }

    /** One line for the alert's last error: the status and what the channel said. */
    public String describe() {
        return (statusCode.isPresent() ? "HTTP " + statusCode.getAsInt() + ": " : "") + answer;
    }
}
