package org.parley.federation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;

/**
 * Tells the delivery loops that new envelopes were committed to the outbox, so they go now rather
 * than at the next poll. It is made before the federation and handed both to the services that
 * write the outbox and to {@link Federation#start}: those services need not hold the federation
 * (which needs them for its listener), so a node can be assembled top to bottom.
 */
public final class OutboxSignal {
    private final List<Semaphore> loops = new CopyOnWriteArrayList<>();

    /** New envelopes are in the outbox (committed): wake every delivery loop. */
    public void newEnvelopes() {
        loops.forEach(Semaphore::release);
    }

    /** A semaphore released at each {@link #newEnvelopes()}, for one delivery loop. */
    Semaphore register() {
        Semaphore wake = new Semaphore(0);
        loops.add(wake);
        return wake;
    }
}
