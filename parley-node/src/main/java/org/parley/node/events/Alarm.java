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
        DELIVERY_RESUMED
    }
}
