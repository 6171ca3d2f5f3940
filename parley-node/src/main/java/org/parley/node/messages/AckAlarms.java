package org.parley.node.messages;

import java.util.ArrayList;
import java.util.List;
import org.parley.node.events.Alarm;
import org.parley.node.events.NodeEvents;
import org.parley.node.events.NodeEvents.Counter;
import org.parley.node.record.NodeLedger;
import org.parley.store.Store;
import org.parley.wire.EnvelopeId;

/**
 * What one tick of the acknowledgment watch tells people and writes to the record, bounded however
 * many messages fall due at once (issue 19, item 4): the first {@link #SINGLE} re-alerts and
 * escalations of a tick are alarms of their own, as before; the rest become one alarm per kind
 * that counts them. Every first overdue is still written to the ledger and the audit log, one entry
 * per message while a tick has at most {@link #SINGLE}, else one entry per {@link #BATCH} messages
 * naming each, so a flood costs hundreds of writes, not a hundred thousand.
 */
final class AckAlarms {
    static final int SINGLE = 10;
    static final int BATCH = 256;

    private final Store store;
    private final NodeLedger ledger;
    private final NodeEvents events;
    private final Drafter drafter;
    private final List<EnvelopeId> overdue = new ArrayList<>();
    private boolean batching;
    private long realerts;
    private long escalations;
    private String realertRole = "";

    AckAlarms(Store store, NodeLedger ledger, NodeEvents events, Drafter drafter) {
        this.store = store;
        this.ledger = ledger;
        this.events = events;
        this.drafter = drafter;
    }

    void add(AckWatch.Event event) {
        switch (event) {
            case AckWatch.Event.Realert r -> realert(r);
            case AckWatch.Event.Escalated x -> escalated(x);
        }
    }

    private void realert(AckWatch.Event.Realert r) {
        realertRole = r.role();
        if (++realerts <= SINGLE) {
            events.alarm(
                    Alarm.Kind.REALERT,
                    "message " + r.id() + " not yet acknowledged at half its deadline; re-alerting " + r.role());
        }
    }

    private void escalated(AckWatch.Event.Escalated x) {
        // The alarm first: a store that fails below must not keep it from the operators (issue 19, item 5).
        if (++escalations <= SINGLE) {
            events.alarm(
                    Alarm.Kind.ESCALATION,
                    "message " + x.id() + " NOT ACKNOWLEDGED IN TIME; escalated from " + x.fromRole() + " to "
                            + x.toRole());
        }
        if (x.firstOverdue()) {
            events.count(Counter.ESCALATIONS);
            overdue.add(x.id());
            batching |= overdue.size() > SINGLE;
            if (batching && overdue.size() >= BATCH) {
                recordBatch();
            }
        }
    }

    /** The counting alarms, and what is left to record; call once at the end of the tick. */
    void finish() {
        if (realerts > SINGLE) {
            events.alarm(
                    Alarm.Kind.REALERT,
                    (realerts - SINGLE) + " more messages not yet acknowledged at half their deadline; re-alerting "
                            + realertRole + " (the inbox lists them)");
        }
        if (escalations > SINGLE) {
            events.alarm(
                    Alarm.Kind.ESCALATION,
                    (escalations - SINGLE) + " more messages NOT ACKNOWLEDGED IN TIME and escalated"
                            + " (the inbox lists them as overdue, with the role now responsible)");
        }
        if (batching) {
            recordBatch();
        } else {
            for (EnvelopeId id : overdue) {
                store.audit("node", "ack.overdue", id.toString(), "not acknowledged in time");
                ledger.record(drafter.own() + " escalation at " + drafter.now() + ": message " + id
                        + " not acknowledged in time");
            }
            overdue.clear();
        }
    }

    private void recordBatch() {
        if (overdue.isEmpty()) {
            return;
        }
        String ids =
                String.join(", ", overdue.stream().map(EnvelopeId::toString).toList());
        store.audit("node", "ack.overdue", overdue.size() + " messages", "not acknowledged in time: " + ids);
        ledger.record(drafter.own() + " escalation at " + drafter.now() + ": " + overdue.size() + " messages " + ids
                + " not acknowledged in time");
        overdue.clear();
    }
}
