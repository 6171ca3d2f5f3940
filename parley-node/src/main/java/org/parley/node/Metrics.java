package org.parley.node;

import java.util.concurrent.atomic.AtomicLong;

/** Counters served at {@code /metrics} in the Prometheus text exposition format (version 0.0.4). */
final class Metrics {
    final AtomicLong sent = new AtomicLong();
    final AtomicLong delivered = new AtomicLong();
    final AtomicLong received = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong acknowledged = new AtomicLong();
    final AtomicLong escalations = new AtomicLong();
    final AtomicLong apiRequests = new AtomicLong();
    final AtomicLong apiErrors = new AtomicLong();

    String render(String party, long outboxPending, boolean linkAlarm) {
        StringBuilder out = new StringBuilder();
        counter(out, "parley_envelopes_sent_total", "Envelopes committed to the outbox by operators.", party, sent);
        counter(
                out,
                "parley_envelopes_delivered_total",
                "Outbound envelopes with a verified receipt.",
                party,
                delivered);
        counter(out, "parley_envelopes_received_total", "New inbound envelopes stored.", party, received);
        counter(out, "parley_envelopes_refused_total", "Inbound envelopes or certificates refused.", party, refused);
        counter(out, "parley_acknowledgments_total", "Acknowledgments made by our operators.", party, acknowledged);
        counter(
                out,
                "parley_escalations_total",
                "Messages escalated for missing their ack deadline.",
                party,
                escalations);
        counter(out, "parley_api_requests_total", "Operator API requests.", party, apiRequests);
        counter(out, "parley_api_errors_total", "Operator API requests answered with 4xx or 5xx.", party, apiErrors);
        gauge(out, "parley_outbox_pending", "Outbound envelopes still without a receipt.", party, outboxPending);
        gauge(out, "parley_link_alarm", "1 while the link-test alarm is raised.", party, linkAlarm ? 1 : 0);
        return out.toString();
    }

    private static void counter(StringBuilder out, String name, String help, String party, AtomicLong value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" counter\n");
        out.append(name)
                .append("{party=\"")
                .append(party)
                .append("\"} ")
                .append(value.get())
                .append('\n');
    }

    private static void gauge(StringBuilder out, String name, String help, String party, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" gauge\n");
        out.append(name)
                .append("{party=\"")
                .append(party)
                .append("\"} ")
                .append(value)
                .append('\n');
    }
}
