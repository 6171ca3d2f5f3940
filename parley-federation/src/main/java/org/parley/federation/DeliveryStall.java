package org.parley.federation;

import java.time.Duration;

/**
 * A delivery loop that stopped coming round, or came round again: its lane's envelopes (FLASH, or
 * the other precedences) wait in the outbox meanwhile, while link tests, which bypass the outbox,
 * still pass. For the operators' alarm list and the log.
 */
public sealed interface DeliveryStall {
    /** The lane the loop serves: "FLASH" or "OTHERS". */
    String lane();

    /**
     * The loop has not come round for {@code stuckFor}; the {@code handedBack} envelopes it had
     * taken were given back for other loops to send (again, under the same ids: the peer answers a
     * duplicate with its original receipt); {@code where} is its thread's stack.
     */
    record Stuck(String lane, String thread, Duration stuckFor, int handedBack, String where)
            implements DeliveryStall {}

    /** A loop reported stuck came round again. */
    record Resumed(String lane, String thread) implements DeliveryStall {}
}
