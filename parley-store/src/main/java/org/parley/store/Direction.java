package org.parley.store;

/** Whether we made a receipt or ack (SENT) or the peer did (RECEIVED). */
public enum Direction {
    SENT,
    RECEIVED
}
