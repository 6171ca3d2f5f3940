package org.parley.node.events;

import java.time.InstantSource;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
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
        API_ERRORS("parley_api_errors_total", "Operator API requests answered with 4xx or 5xx."),
        ENCOUNTERS_UNATTRIBUTED(
                "parley_watch_encounters_unattributed_total",
                "Encounter events between units of no party (counted, not kept as incidents).");

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
    /**
     * The newest {@value #ALARMS_KEPT} alarms (issue 19, item 2: a peer that makes the node raise
     * alarms must not fill its memory); every alarm is in the audit trail as well.
     */
    public static final int ALARMS_KEPT = 1000;

    /** The alarms kept, by id, oldest first (guarded by itself). */
    private final Map<Long, Alarm> alarms = new LinkedHashMap<>();

    private long alarmsRaised;
    private final List<Consumer<String>> timeline = new CopyOnWriteArrayList<>();
    private final List<Subscription> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicLong published = new AtomicLong();

    /**
     * What the event stream ({@code GET /api/v1/events}, the console) carries. Each topic is one SSE
     * event name; INCIDENT and TRACKS are published by the encounter watch.
     */
    public enum Topic {
        /** A new inbound or outbound message; data {@code {"id", "direction"}}. */
        MESSAGE("message"),
        /** An acknowledgment made here or received from the peer; data {@code {"id", "direction"}}. */
        ACK("ack"),
        /**
         * An operator alarm raised or acknowledged; data {@code {"id", "at", "kind", "message"}} and,
         * once acknowledged, {@code acknowledgedBy, acknowledgedAt}.
         */
        ALARM("alarm"),
        /** An incident opened, escalated or closed by the encounter watch. */
        INCIDENT("incident"),
        /** The track picture changed. */
        TRACKS("tracks");

        /** The SSE {@code event:} name. */
        public final String eventName;

        Topic(String eventName) {
            this.eventName = eventName;
        }
    }

    /** One event as published: a sequence number (the SSE {@code id:}), its topic and JSON data. */
    public record Published(long sequence, Topic topic, String json) {
        public Published {
            if (json.isBlank() || json.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("event data must be one line of JSON: '" + json + "'");
            }
        }
    }

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

    /**
     * Raises an operator alarm: kept for the API, said on the timeline, written to the audit trail.
     * A store that cannot write the audit row does not swallow the alarm (issue 19, item 5): the
     * operators see it first, and the failed audit is logged.
     */
    public void alarm(Alarm.Kind kind, String message) {
        Alarm alarm;
        synchronized (alarms) {
            alarmsRaised++;
            alarm = new Alarm(alarmsRaised, clock.instant(), kind, message, Optional.empty());
            alarms.put(alarm.id(), alarm);
            if (alarms.size() > ALARMS_KEPT) {
                Iterator<Long> oldest = alarms.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
        }
        publish(Topic.ALARM, alarm.json());
        say(party + " ALARM " + kind + ": " + message);
        try {
            store.audit(party.name(), "alarm." + kind.name().toLowerCase(Locale.ROOT), "", message);
        } catch (RuntimeException e) {
            LOG.error("alarm {} raised but not written to the audit trail: {}", kind, e.toString());
        }
    }

    /**
     * Publishes {@code json} (one line of JSON) under {@code topic} to every subscriber; never blocks:
     * a subscriber whose queue is full is dropped (see {@link Subscription}).
     */
    public void publish(Topic topic, String json) {
        Published event = new Published(published.incrementAndGet(), topic, json);
        subscribers.forEach(s -> s.offer(event));
    }

    /**
     * Publishes a message change: {@code {"id", "direction", "change"}} where change is {@code new}
     * or {@code receipt} (MESSAGE), or {@code ack} (ACK).
     */
    public void publishMessage(Topic topic, String id, String direction, String change) {
        publish(
                topic,
                "{\"id\":" + JsonText.quote(id) + ",\"direction\":" + JsonText.quote(direction) + ",\"change\":"
                        + JsonText.quote(change) + "}");
    }

    /** A new reader of the event stream, holding at most {@code capacity} unread events. */
    public Subscription subscribe(int capacity) {
        Subscription subscription = new Subscription(capacity, subscribers::remove);
        subscribers.add(subscription);
        return subscription;
    }

    /** Ends every reader of the event stream (the node is closing): each wakes and finishes. */
    public void closeSubscribers() {
        subscribers.forEach(Subscription::close);
    }

    /** Readers of the event stream now. */
    public int subscribers() {
        return subscribers.size();
    }

    /** Appends to the node's audit log: what happened that is no alarm but must be on file. */
    public void audit(String actor, String action, String subject, String detail) {
        store.audit(actor, action, subject, detail);
    }

    /** The alarms kept (the newest {@value #ALARMS_KEPT} raised since start), oldest first. */
    public List<Alarm> alarms() {
        synchronized (alarms) {
            return List.copyOf(alarms.values());
        }
    }

    /**
     * Records that {@code operator} (in {@code role}) acknowledged alarm {@code id}: kept with the
     * alarm, written to the audit trail and announced on the event stream. An alarm acknowledged
     * already keeps its first acknowledgment (a second officer's click changes nothing). Empty when
     * no alarm of that id is kept (never raised, or older than the newest {@value #ALARMS_KEPT}).
     */
    public Optional<Alarm> acknowledgeAlarm(long id, String operator, String role) {
        Alarm acknowledged;
        synchronized (alarms) {
            Alarm alarm = alarms.get(id);
            if (alarm == null) {
                return Optional.empty();
            }
            if (alarm.acknowledged().isPresent()) {
                return Optional.of(alarm);
            }
            acknowledged = alarm.acknowledgedBy(new Alarm.Acknowledgment(operator, role, clock.instant()));
            // On file before it is shown: an acknowledgment the audit trail lacks never happened.
            store.audit(operator, "alarm.ack", String.valueOf(id), alarm.kind() + " acknowledged as " + role);
            alarms.put(id, acknowledged);
        }
        publish(Topic.ALARM, acknowledged.json());
        return Optional.of(acknowledged);
    }

    /**
     * A page of the alarms kept: the newest {@code limit} after passing over the newest {@code
     * offset}, oldest first (so the next older page is at offset + limit).
     */
    public List<Alarm> alarmPage(int offset, int limit) {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must be >= 0 and limit >= 1: " + offset + ", " + limit);
        }
        List<Alarm> kept = alarms();
        int end = Math.max(0, kept.size() - offset);
        return kept.subList(Math.max(0, end - limit), end);
    }

    /** How many alarms were raised since start, including those no longer kept. */
    public long alarmsRaised() {
        synchronized (alarms) {
            return alarmsRaised;
        }
    }

    public void count(Counter counter) {
        metrics.increment(counter);
    }

    public void count(Counter counter, long amount) {
        metrics.add(counter, amount);
    }

    /** The counters and the two gauges in the Prometheus text format (version 0.0.4). */
    public String metricsText(long outboxPending, boolean linkAlarm) {
        return metrics.render(party.name(), outboxPending, linkAlarm);
    }
}
