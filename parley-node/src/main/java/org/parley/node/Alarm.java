package org.parley.node;

import java.time.Instant;

/** Something the operators must see: a re-alert, an escalation, a link alarm, a refused envelope. */
record Alarm(Instant at, Kind kind, String message) {
    enum Kind {
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
