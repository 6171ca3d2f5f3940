package org.parley.wire;

/**
 * What an envelope is about. SAFETY and LINKTEST can never be suspended by a channel notice
 * (docs/decisions.md, decision 5).
 */
public enum Category {
    SAFETY,
    DIALOGUE,
    NOTICE,
    ROUTINE,
    LINKTEST,
    RECEIPT,
    ACK;

    /** Whether a channel notice may suspend this category (docs/decisions.md, decision 5). */
    public boolean suspendable() {
        return this != SAFETY && this != LINKTEST;
    }
}
