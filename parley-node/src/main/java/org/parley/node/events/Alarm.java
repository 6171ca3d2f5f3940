package org.parley.node.events;

import java.time.Instant;

/** Something the operators must see: a re-alert, an escalation, a link alarm, a refused envelope. */
public record Alarm(Instant at, Kind kind, String message) {
    public Alarm {
        if (message.isBlank()) {
            throw new IllegalArgumentException("an alarm needs a message for the operators");
        }
    }

    public enum Kind {
        REALERT,
        ESCALATION,
        LINK_DOWN,
        LINK_RESTORED,
        REFUSED,
        PEER_RECORD_REWRITTEN,
        DELIVERY_STALLED,
        DELIVERY_RESUMED,
        /** Stored envelopes, receipts or acks no longer match their signatures or ledger leaves. */
        RECORD_ALTERED
    }
}
