package org.parley.node.events;

import java.time.Instant;

/** Something the operators must see: a re-alert, an escalation, a link alarm, a refused envelope. */
public record Alarm(Instant at, Kind kind, String message) {
    public Alarm {
        if (message.isBlank()) {
            throw new IllegalArgumentException("an alarm needs a message for the operators");
        }
    }

    /** One line of JSON: {@code {"at", "kind", "message"}}, as the event stream carries it. */
    public String json() {
        return "{\"at\":\"" + at + "\",\"kind\":\"" + kind + "\",\"message\":" + JsonText.quote(message) + "}";
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
        /** An outbound FLASH without a receipt past the limit or after repeated failed attempts (issue 19, item 9). */
        FLASH_OVERDUE,
        /** The peer's record went unchecked several link tests in a row (issue 19, item 6). */
        PEER_RECORD_UNCHECKED,
        /** A feed of the encounter watch said nothing for longer than watch.feedSilentAfter (issue 17). */
        FEED_SILENT,
        /** An EMERGENCY arrived: every role of the chain is alerted at once (issue 17, point 4). */
        EMERGENCY,
        /** The store cannot write (disk full, file read-only): new messages are refused (issue 20). */
        STORE_UNWRITABLE,
        /** The store writes again after STORE_UNWRITABLE. */
        STORE_WRITABLE,
        /** Stored envelopes, receipts or acks no longer match their signatures or ledger leaves. */
        RECORD_ALTERED
    }
}
