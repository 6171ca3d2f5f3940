package org.parley.node.events;

import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.parley.store.Store;
import org.parley.wire.Party;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a node tells its people, in one place: the human-readable timeline (the demo and {@code node
 * start} print it), operator alarms (kept, audited and put on the timeline) and the counters served
 * at {@code /metrics}. Services take this instead of callbacks into the node, so nothing needs the
 * node before it exists.
 */
public final class NodeEvents {
    private static final Logger LOG = LoggerFactory.getLogger(NodeEvents.class);

    /** The counters a node keeps; each is one Prometheus counter, with its name and help text. */
    public enum Counter {
        SENT("parley_envelopes_sent_total", "Envelopes committed to the outbox by operators."),
        DELIVERED("parley_envelopes_delivered_total", "Outbound envelopes with a verified receipt."),
        RECEIVED("parley_envelopes_received_total", "New inbound envelopes stored."),
        REFUSED("parley_envelopes_refused_total", "Inbound envelopes or certificates refused."),
        ACKNOWLEDGED("parley_acknowledgments_total", "Acknowledgments made by our operators."),
        ESCALATIONS("parley_escalations_total", "Messages escalated for missing their ack deadline."),
        API_REQUESTS("parley_api_requests_total", "Operator API requests."),
        API_ERRORS("parley_api_errors_total", "Operator API requests answered with 4xx or 5xx.");

        final String metricName;
        final String help;

        Counter(String metricName, String help) {
            this.metricName = metricName;
            this.help = help;
        }
    }

    private final Party party;
    private final Store store;
    private final InstantSource clock;
    private final Metrics metrics = new Metrics();
    private final List<Alarm> alarms = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> timeline = new CopyOnWriteArrayList<>();

    public NodeEvents(Party party, Store store, InstantSource clock) {
        this.party = party;
        this.store = store;
        this.clock = clock;
    }

    /** Subscribes to the human-readable timeline. */
    public void onTimeline(Consumer<String> listener) {
        timeline.add(listener);
    }

    /** One line on the timeline (and in the log). */
    public void say(String line) {
        LOG.info(line);
        timeline.forEach(l -> l.accept(line));
    }

    /** Raises an operator alarm: kept for the API, written to the audit trail, said on the timeline. */
    public void alarm(Alarm.Kind kind, String message) {
        alarms.add(new Alarm(clock.instant(), kind, message));
        store.audit(party.name(), "alarm." + kind.name().toLowerCase(Locale.ROOT), "", message);
        say(party + " ALARM " + kind + ": " + message);
    }

    /** Appends to the node's audit log: what happened that is no alarm but must be on file. */
    public void audit(String actor, String action, String subject, String detail) {
        store.audit(actor, action, subject, detail);
    }

    /** The alarms raised since start, oldest first. */
    public List<Alarm> alarms() {
        return List.copyOf(alarms);
    }

    public void count(Counter counter) {
        metrics.increment(counter);
    }

    /** The counters and the two gauges in the Prometheus text format (version 0.0.4). */
    public String metricsText(long outboxPending, boolean linkAlarm) {
        return metrics.render(party.name(), outboxPending, linkAlarm);
    }
}
