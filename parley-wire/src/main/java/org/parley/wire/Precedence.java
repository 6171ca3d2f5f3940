package org.parley.wire;

import java.time.Duration;

/**
 * Handling precedence, highest first. The declaration order is the service order: the outbox and
 * retries serve a FLASH before anything else (docs/decisions.md, decision 4).
 */
public enum Precedence {
    FLASH(0, Duration.ofMinutes(10)),
    IMMEDIATE(1, Duration.ofMinutes(30)),
    PRIORITY(2, Duration.ofHours(3)),
    ROUTINE(3, Duration.ofHours(6));

    private final int rank;
    private final Duration defaultAckDeadline;

    Precedence(int rank, Duration defaultAckDeadline) {
        this.rank = rank;
        this.defaultAckDeadline = defaultAckDeadline;
    }

    /**
     * The default time within which a human must acknowledge, after ACP 121 handling objectives
     * (docs/decisions.md, decision 4); nodes may configure other values.
     */
    public Duration defaultAckDeadline() {
        return defaultAckDeadline;
    }

    /** 0 for FLASH up to 3 for ROUTINE: lower is served first. */
    public int rank() {
        return rank;
    }
}
