package org.parley.node.messages;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicBoolean;
import org.parley.node.events.Alarm;
import org.parley.node.events.NodeEvents;
import org.parley.store.StoreException;

/**
 * Turns a store that cannot write (disk full, file read-only, I/O error) into a clear refusal and one alarm
 * (issue 20): the operator's message is not accepted, so nothing is lost, and the operator is told
 * to send it again; the first write that succeeds afterwards clears the alarm, with no restart.
 *
 * <p>A store that cannot be reached at all (its PostgreSQL server stopped or cut off) is refused
 * the same way with 503; its alarms come from the store probe ({@link #unanswered}, {@link
 * #answered}, every second), not from the refused send: raising an alarm writes an audit row to
 * that same store, which would hold the operator's answer for one more connection wait.
 */
final class StorageGuard {
    private final NodeEvents events;
    private final InstantSource clock;
    private final AtomicBoolean down = new AtomicBoolean();
    /** Whether the probe found the store unreachable at its last round trip, and since when. */
    private final AtomicBoolean unreachable = new AtomicBoolean();

    private volatile Instant unreachableSince = Instant.EPOCH;

    StorageGuard(NodeEvents events, InstantSource clock) {
        this.events = events;
        this.clock = clock;
    }

    /** The refusal for {@code e} when the store cannot write; {@code e} itself for any other failure. */
    RuntimeException refusal(StoreException e) {
        if (e.storeUnreachable()) {
            return new MessageService.Refused(
                    503,
                    "the node's store (its database server) cannot be reached; this message was NOT accepted:"
                            + " send it again once the store answers (the STORE_REACHABLE alarm says when)");
        }
        String why;
        if (e.storageFull()) {
            why = "the disk holding the node's store is full";
        } else if (e.storageReadOnly()) {
            why = "the node's store is read-only";
        } else if (e.storageIoFailed()) {
            why = "the disk holding the node's store refused a write (I/O error: the filesystem may have gone"
                    + " read-only after a disk error)";
        } else {
            return e;
        }
        if (down.compareAndSet(false, true)) {
            events.alarm(
                    Alarm.Kind.STORE_UNWRITABLE,
                    why + ": new messages are refused until it can write again (" + e.getMessage() + ")");
        }
        return new MessageService.Refused(
                507,
                why + "; this message was NOT accepted: send it again once the store can write (the node"
                        + " alarm says so when it recovers)");
    }

    /** A write succeeded: if the store had been unwritable, say that it writes again. */
    void wrote() {
        if (down.compareAndSet(true, false)) {
            events.alarm(Alarm.Kind.STORE_WRITABLE, "the node's store writes again; new messages are accepted");
        }
    }

    /**
     * The store probe's round trip failed with {@code e}: if the store cannot be reached, one
     * STORE_UNREACHABLE alarm for the outage; any other failure is passed on (the probe logs it).
     */
    void unanswered(StoreException e) {
        if (!e.storeUnreachable()) {
            throw e;
        }
        if (unreachable.compareAndSet(false, true)) {
            unreachableSince = clock.instant();
            events.alarm(
                    Alarm.Kind.STORE_UNREACHABLE,
                    "the node's store cannot be reached (" + e.getMessage() + "): operators' new messages are"
                            + " refused (HTTP 503, nothing accepted) until it answers; what was accepted before"
                            + " waits in the store, and the peer keeps what it sends until this node can store"
                            + " it. Delivery resumes by itself when the store answers (check the database"
                            + " server and the network to it)");
        }
    }

    /** The store probe's round trip succeeded: if the store had been unreachable, say that it answers again. */
    void answered() {
        if (unreachable.compareAndSet(true, false)) {
            events.alarm(
                    Alarm.Kind.STORE_REACHABLE,
                    "the node's store answers again after "
                            + Duration.between(unreachableSince, clock.instant())
                                    .toSeconds()
                            + " s unreachable; new messages are accepted, and delivery resumes by itself");
        }
    }
}
