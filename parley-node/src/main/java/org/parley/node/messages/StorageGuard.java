package org.parley.node.messages;

import java.util.concurrent.atomic.AtomicBoolean;
import org.parley.node.events.Alarm;
import org.parley.node.events.NodeEvents;
import org.parley.store.StoreException;

/**
 * Turns a store that cannot write (disk full, file read-only) into a clear refusal and one alarm
 * (issue 20): the operator's message is not accepted, so nothing is lost, and the operator is told
 * to send it again; the first write that succeeds afterwards clears the alarm, with no restart.
 */
final class StorageGuard {
    private final NodeEvents events;
    private final AtomicBoolean down = new AtomicBoolean();

    StorageGuard(NodeEvents events) {
        this.events = events;
    }

    /** The refusal for {@code e} when the store cannot write; {@code e} itself for any other failure. */
    RuntimeException refusal(StoreException e) {
        boolean full = e.storageFull();
        if (!full && !e.storageReadOnly()) {
            return e;
        }
        String why = full ? "the disk holding the node's store is full" : "the node's store is read-only";
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
}
