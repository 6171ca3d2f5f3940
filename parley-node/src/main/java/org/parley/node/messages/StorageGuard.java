package org.parley.node.messages;

import java.util.concurrent.atomic.AtomicBoolean;
import org.parley.node.events.Alarm;
import org.parley.node.events.NodeEvents;
import org.parley.store.StoreException;

/**
 * Turns a store that cannot write (disk full, file read-only, I/O error) into a clear refusal and one alarm
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
}
