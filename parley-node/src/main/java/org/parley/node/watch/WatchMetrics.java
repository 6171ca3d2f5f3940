package org.parley.node.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The watch's lines of {@code /metrics} (Prometheus text format 0.0.4): reports applied, feed lag,
 * tracks, and per feed its messages, positions, rejects by reason, silence and connection. Rates
 * (messages per second) are {@code rate()} of the counters, as Prometheus computes them.
 */
final class WatchMetrics {
    private WatchMetrics() {}

    static String render(String party, long reports, Duration lag, int tracks, List<FeedView> feeds, Instant now) {
        StringBuilder out = new StringBuilder();
        header(out, "parley_watch_reports_total", "Position reports applied by the encounter watch.", "counter");
        line(out, "parley_watch_reports_total", party, Map.of(), reports);
        header(out, "parley_watch_feed_lag_seconds", "Clock minus the newest report's time.", "gauge");
        line(out, "parley_watch_feed_lag_seconds", party, Map.of(), lag.toMillis() / 1000.0);
        header(out, "parley_watch_tracks", "Live tracks the watch holds.", "gauge");
        line(out, "parley_watch_tracks", party, Map.of(), tracks);
        header(out, "parley_feed_messages_total", "Lines or frames read from a feed.", "counter");
        feeds.forEach(f -> line(out, "parley_feed_messages_total", party, Map.of("feed", f.name()), f.messages()));
        header(out, "parley_feed_positions_total", "Position reports a feed gave the watch.", "counter");
        feeds.forEach(f -> line(out, "parley_feed_positions_total", party, Map.of("feed", f.name()), f.positions()));
        header(out, "parley_feed_rejected_total", "Unusable feed input, by reason (counted and skipped).", "counter");
        feeds.forEach(f -> f.rejectedByReason()
                .forEach((reason, n) ->
                        line(out, "parley_feed_rejected_total", party, Map.of("feed", f.name(), "reason", reason), n)));
        header(out, "parley_feed_seconds_since_message", "Seconds since a feed last said anything.", "gauge");
        feeds.forEach(f -> f.lastMessageAt()
                .ifPresent(t -> line(
                        out,
                        "parley_feed_seconds_since_message",
                        party,
                        Map.of("feed", f.name()),
                        Duration.between(t, now).toMillis() / 1000.0)));
        header(out, "parley_feed_connected", "1 while a feed's socket is connected or its file is open.", "gauge");
        feeds.forEach(f -> line(out, "parley_feed_connected", party, Map.of("feed", f.name()), f.connected() ? 1 : 0));
        return out.toString();
    }

    private static void header(StringBuilder out, String name, String help, String type) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void line(StringBuilder out, String name, String party, Map<String, String> labels, Number value) {
        out.append(name).append("{party=\"").append(party).append('"');
        labels.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.append(',')
                        .append(e.getKey())
                        .append("=\"")
                        .append(escape(e.getValue()))
                        .append('"'));
        out.append("} ");
        out.append(value instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : value.toString());
        out.append('\n');
    }

    /** Prometheus label values escape backslash, double quote and newline. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
