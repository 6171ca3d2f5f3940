package org.parley.dialogue;

/** Where a request stands. */
public enum RequestStatus {
    PENDING,
    ACCEPTED,
    DECLINED,
    COUNTERED,
    NO_RESPONSE
}
