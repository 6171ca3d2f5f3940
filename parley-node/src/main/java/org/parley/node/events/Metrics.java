package org.parley.node.events;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.parley.node.events.NodeEvents.Counter;

/** Counters served at {@code /metrics} in the Prometheus text exposition format (version 0.0.4). */
final class Metrics {
    private final Map<Counter, LongAdder> values = new EnumMap<>(Counter.class);

    Metrics() {
        for (Counter counter : Counter.values()) {
            values.put(counter, new LongAdder());
        }
    }

    void increment(Counter counter) {
        adder(counter).increment();
    }

    void add(Counter counter, long amount) {
        adder(counter).add(amount);
    }

    private LongAdder adder(Counter counter) {
        // Every counter was put in by the constructor.
        return Objects.requireNonNull(values.get(counter));
    }

    String render(String party, long outboxPending, boolean linkAlarm) {
        StringBuilder out = new StringBuilder();
        for (Counter counter : Counter.values()) {
            metric(
                    out,
                    counter.metricName,
                    counter.help,
                    "counter",
                    party,
                    adder(counter).sum());
        }
        metric(
                out,
                "parley_outbox_pending",
                "Outbound envelopes still without a receipt.",
                "gauge",
                party,
                outboxPending);
        metric(out, "parley_link_alarm", "1 while the link-test alarm is raised.", "gauge", party, linkAlarm ? 1 : 0);
        return out.toString();
    }

    private static void metric(StringBuilder out, String name, String help, String type, String party, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        out.append(name)
                .append("{party=\"")
                .append(party)
                .append("\"} ")
                .append(value)
                .append('\n');
    }
}
