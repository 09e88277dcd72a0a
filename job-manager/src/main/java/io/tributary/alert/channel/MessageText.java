package io.tributary.alert.channel;

import io.tributary.alert.Alert;
import io.tributary.alert.AlertEventType;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The words of a message, the same on every channel, in three notations: plain text (email, Lark), markdown
 * (DingTalk, WeCom) and Slack's mrkdwn. A single alert shows everything about it; a digest lists every alert in it,
 * one line each (job, what happened, when, why, link), so that none is left out.
 */
public final class MessageText {

    public enum Format { PLAIN, MARKDOWN, SLACK }

    private final Format format;
    /** How much of a reason a digest line shows: chat platforms with small messages get shorter lines. */
    private final int digestReasonLength;

    public MessageText(Format format, int digestReasonLength) {
        this.format = format;
        this.digestReasonLength = digestReasonLength;
    }

    /** One line: {@code [CRITICAL] job 'orders' failed}, or for a digest the count by kind. */
    public static String title(OutgoingMessage message) {
        return switch (message.kind()) {
            case TEST -> "[Tributary] test message: this channel receives Tributary's alerts";
            case ALERT -> "[" + message.severity() + "] " + capitalized(message.alerts().get(0).headline());
            case DIGEST -> "[" + message.severity() + "] " + message.alerts().size() + " alerts" + part(message)
                    + ": " + summary(message);
        };
    }

    /** The body, ending with the idempotency key. */
    public String body(OutgoingMessage message) {
        StringBuilder text = new StringBuilder();
        switch (format) {
            case PLAIN -> text.append(title(message)).append('\n');
            case MARKDOWN -> text.append("### ").append(markdown(title(message))).append("\n\n");
            case SLACK -> text.append('*').append(slack(title(message))).append("*\n");
        }
        if (message.kind() == OutgoingMessage.Kind.DIGEST) {
            for (Alert alert : message.alerts()) {
                text.append(digestLine(alert)).append('\n');
            }
        } else {
            details(message.alerts().get(0), text);
        }
        String footer = (message.kind() == OutgoingMessage.Kind.DIGEST ? "digest " : "alert ") + message.key();
        switch (format) {
            case PLAIN -> text.append('\n').append("Tributary ").append(footer);
            case MARKDOWN -> text.append("\n> Tributary ").append(footer);
            case SLACK -> text.append("_Tributary ").append(footer).append('_');
        }
        return text.toString();
    }

    private void details(Alert alert, StringBuilder text) {
        alert.jobName().ifPresent(name ->
                field(text, "Job", name + alert.jobId().map(id -> " (" + id + ")").orElse("")));
        alert.clusterLabel().ifPresent(cluster -> field(text, "Cluster", cluster));
        alert.flinkJobId().ifPresent(id -> field(text, "Flink job", id));
        field(text, "When", alert.occurredAt().toString());
        field(text, "Reason", alert.reason());
        alert.links().forEach((name, url) -> link(text, label(name), url));
    }

    private void field(StringBuilder text, String name, String value) {
        switch (format) {
            case PLAIN -> text.append(name).append(": ").append(value).append('\n');
            case MARKDOWN -> text.append("- **").append(name).append("**: ").append(markdown(value)).append('\n');
            case SLACK -> text.append("• *").append(name).append("*: ").append(slack(value)).append('\n');
        }
    }

    private void link(StringBuilder text, String name, String url) {
        switch (format) {
            case PLAIN -> text.append(name).append(": ").append(url).append('\n');
            case MARKDOWN -> text.append("- [").append(name).append("](").append(url).append(")\n");
            case SLACK -> text.append("• <").append(url).append('|').append(name).append(">\n");
        }
    }

    private String digestLine(Alert alert) {
        String reason = shorten(firstLine(alert.reason()), digestReasonLength);
        String when = alert.occurredAt().toString();
        String where = alert.event().jobEvent() ? alert.clusterLabel().map(c -> " on " + c).orElse("") : "";
        String link = alert.links().getOrDefault("tributary", alert.links().values().stream().findFirst().orElse(""));
        return switch (format) {
            case PLAIN -> "- [" + alert.severity() + "] " + alert.headline() + where + " at " + when + ": " + reason
                    + (link.isEmpty() ? "" : " " + link);
            case MARKDOWN -> "- **" + alert.severity() + "** " + (link.isEmpty() ? markdown(alert.headline())
                    : "[" + markdown(alert.headline()) + "](" + link + ")") + markdown(where) + " at " + when + ": "
                    + markdown(reason);
            case SLACK -> "• *" + alert.severity() + "* " + (link.isEmpty() ? slack(alert.headline())
                    : "<" + link + "|" + slack(alert.headline()) + ">") + slack(where) + " at " + when + ": "
                    + slack(reason);
        };
    }

    private static String summary(OutgoingMessage message) {
        Map<AlertEventType, Long> counts = message.alerts().stream()
                .collect(Collectors.groupingBy(Alert::event, () -> new EnumMap<>(AlertEventType.class),
                        Collectors.counting()));
        return counts.entrySet().stream()
                .map(entry -> entry.getValue() + " " + entry.getKey().name().toLowerCase().replace('_', ' '))
                .collect(Collectors.joining(", "));
    }

    private static String part(OutgoingMessage message) {
        return message.parts() > 1 ? " (part " + message.part() + " of " + message.parts() + ")" : "";
    }

    private static String label(String link) {
        return switch (link) {
            case "tributary" -> "Tributary";
            case "flink" -> "Flink web UI";
            default -> link;
        };
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }

    static String shorten(String text, int length) {
        return text.length() <= length ? text : text.substring(0, Math.max(0, length - 1)) + "…";
    }

    /** Keeps a user's text from being read as markdown structure (job names, Flink's messages). */
    static String markdown(String text) {
        return text.replace("*", "\\*").replace("_", "\\_").replace("`", "'").replace("<", "&lt;")
                .replace(">", "&gt;").replace("](", "] (");
    }

    /** Slack's three control characters. */
    static String slack(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
