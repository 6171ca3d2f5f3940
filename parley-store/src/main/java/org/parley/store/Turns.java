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

    /** Ends the turn taken by {@link #enter}: the safety lane's waiters first. */
    void leave() {
        lock.lock();
        try {
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
