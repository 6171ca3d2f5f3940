package org.parley.track.feed;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;

/**
 * Holds a replay back to {@code speed} times the pace of the recording: the first timed item is
 * emitted at once, each later one when real time since the start has reached its file time since
 * the first, divided by the speed. Items that go back in file time are not held (a merged
 * recording is rarely sorted). Not thread-safe: one per feed thread.
 */
final class Pacer {
    /** Below this, sleeping costs more than it buys. */
    private static final long MIN_SLEEP_NANOS = 1_000_000;

    private final double speed;
    private final long untimedStepNanos;
    private long firstFileNanos;
    private long startNanos;
    private boolean started;
    private long untimedSteps;

    Pacer(double speed, Duration untimedStep) {
        this.speed = speed;
        this.untimedStepNanos = untimedStep.toNanos();
    }

    /** Waits until the item at {@code fileTime} is due. */
    void await(Instant fileTime) throws InterruptedIOException {
        awaitNanos(fileTime.getEpochSecond() * 1_000_000_000L + fileTime.getNano());
    }

    /** Waits until the item {@code fileNanos} into the recording (any origin) is due. */
    void awaitNanos(long fileNanos) throws InterruptedIOException {
        if (!started) {
            started = true;
            firstFileNanos = fileNanos;
            startNanos = System.nanoTime();
            return;
        }
        double sinceFirst = (double) fileNanos - firstFileNanos;
        if (sinceFirst <= 0) {
            return;
        }
        long due = startNanos + (long) (sinceFirst / speed);
        long wait = due - System.nanoTime();
        if (wait > MIN_SLEEP_NANOS) {
            try {
                Thread.sleep(Duration.ofNanos(wait));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("replay stopped");
            }
        }
    }

    /**
     * Waits for the next item of a recording without timestamps, one fixed step later than the
     * last; returns its file time since the first such item, in nanoseconds.
     */
    long awaitStep() throws InterruptedIOException {
        long fileNanos = untimedSteps++ * untimedStepNanos;
        awaitNanos(fileNanos);
        return fileNanos;
    }
}
