package org.parley.node.events;

import java.time.Instant;
import java.util.Optional;

/**
 * Something the operators must see: a re-alert, an escalation, a link alarm, a refused envelope.
 *
 * @param id the alarm's number since the node started (1, 2, ...): what an acknowledgment names
 * @param acknowledged who acknowledged it and when, once someone has
 */
public record Alarm(long id, Instant at, Kind kind, String message, Optional<Acknowledgment> acknowledged) {
    public Alarm {
        if (id < 1) {
            throw new IllegalArgumentException("an alarm's id counts from 1: " + id);
        }
        if (message.isBlank()) {
            throw new IllegalArgumentException("an alarm needs a message for the operators");
        }
    }

    /** An operator's acknowledgment: they have seen the alarm and taken it on (issue 18). */
    public record Acknowledgment(String operator, String role, Instant at) {
        public Acknowledgment {
            if (operator.isBlank() || role.isBlank()) {
                throw new IllegalArgumentException("an alarm acknowledgment names its operator and role");
            }
        }
    }

    /** This alarm acknowledged by {@code by}. */
    Alarm acknowledgedBy(Acknowledgment by) {
        return new Alarm(id, at, kind, message, Optional.of(by));
    }

    /**
     * One line of JSON: {@code {"id", "at", "kind", "message"}} and, once acknowledged, {@code
     * acknowledgedBy, acknowledgedAt}, as the event stream carries it.
     */
    public String json() {
        String ack = acknowledged
                .map(a -> ",\"acknowledgedBy\":" + JsonText.quote(a.operator()) + ",\"acknowledgedAt\":\"" + a.at()
                        + "\"")
                .orElse("");
        return "{\"id\":" + id + ",\"at\":\"" + at + "\",\"kind\":\"" + kind + "\",\"message\":"
                + JsonText.quote(message) + ack + "}";
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
        /** Every FLASH of a FLASH_OVERDUE outage has its receipt now: the outage is over. */
        FLASH_RECEIPTED,
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
        /** The store's database server cannot be reached (refused, cut, timed out): new messages are refused (issue 20). */
        STORE_UNREACHABLE,
        /** The store answers again after STORE_UNREACHABLE. */
        STORE_REACHABLE,
        /** Stored envelopes, receipts or acks no longer match their signatures or ledger leaves. */
        RECORD_ALTERED,
        /** The peer's CA revoked one of the peer's signing keys (issue 19, item 12). */
        PEER_KEY_REVOKED,
        /** The peer's envelopes are dated minutes or hours ahead of our clock: one clock is wrong (issue 20). */
        PEER_CLOCK_AHEAD,
        /** A link test puts the peer's clock minutes or hours behind ours: one clock is wrong (issue 20). */
        PEER_CLOCK_BEHIND
    }
}
