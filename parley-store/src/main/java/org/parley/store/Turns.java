package org.parley.store;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Turns at SQLite's one pooled connection (see {@link Engine}): transactions take the connection one
 * at a time, and one of the safety lane goes before every waiting bulk one (issue 20), so a FLASH
 * waits for at most the one transaction in progress, never for a queue of them. The pool alone hands
 * its connection to waiters in no particular order. Bulk work can wait while FLASH keeps coming:
 * that is the order DESIGN decision 4 asks for. On PostgreSQL, where transactions run side by side,
 * there are no turns ({@link #NONE}).
 */
final class Turns {
    /** No turns: every transaction goes straight to the pool. */
    static final Turns NONE = new Turns(false);

    private final boolean serial;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition safetyTurn = lock.newCondition();
    private final Condition bulkTurn = lock.newCondition();
    private int safetyWaiting;
    private Thread holder = Thread.currentThread();
    private boolean busy;
    /** The holder's own priority while it runs at a waiter's higher one; 0: not lent. */
    private int holderOwnPriority;

    private Turns(boolean serial) {
        this.serial = serial;
    }

    /** Turns for a store with one connection. */
    static Turns serial() {
        return new Turns(true);
    }

    /**
     * Waits for this thread's turn; returns whether it took one (then {@link #leave} must follow).
     * A thread that already holds the turn takes none (the pool then decides, as it did before).
     */
    boolean enter(boolean safety) {
        if (!serial) {
            return false;
        }
        lock.lock();
        try {
            if (busy && holder == Thread.currentThread()) {
                return false;
            }
            if (safety) {
                safetyWaiting++;
                lendPriority();
            }
            try {
                while (busy || (!safety && safetyWaiting > 0)) {
                    (safety ? safetyTurn : bulkTurn).await();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                passOn();
                throw new StoreException("store: interrupted while waiting for the database connection", e);
            } finally {
                if (safety) {
                    safetyWaiting--;
                }
            }
            busy = true;
            holder = Thread.currentThread();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Priority inheritance (issue 20): a bulk transaction's thread runs at the bulk lane's low
     * priority, so while a FLASH waits for it to commit, every other busy thread of the bulk lane
     * could take the cores from it and the FLASH would wait for them all. The waiter lends the holder
     * its higher priority until the holder leaves. Where the process may not raise a priority (not
     * root, no CAP_SYS_NICE), the JVM ignores the change and the holder runs on at its own.
     */
    @SuppressWarnings("ThreadPriorityCheck") // the lanes' priorities are the point (issue 20)
    private void lendPriority() {
        int waiter = Thread.currentThread().getPriority();
        if (busy && holder.getPriority() < waiter) {
            if (holderOwnPriority == 0) {
                holderOwnPriority = holder.getPriority();
            }
            holder.setPriority(waiter);
        }
    }

    @SuppressWarnings("ThreadPriorityCheck") // see lendPriority
    private void restorePriority() {
        if (holderOwnPriority != 0) {
            holder.setPriority(holderOwnPriority);
            holderOwnPriority = 0;
        }
    }

    /** Ends the turn taken by {@link #enter}: the safety lane's waiters first. */
    void leave() {
        lock.lock();
        try {
            restorePriority();
            busy = false;
            passOn();
        } finally {
            lock.unlock();
        }
    }

    private void passOn() {
        if (busy) {
            return;
        }
        if (safetyWaiting > 0) {
            safetyTurn.signalAll();
        } else {
            bulkTurn.signalAll();
        }
    }
}
