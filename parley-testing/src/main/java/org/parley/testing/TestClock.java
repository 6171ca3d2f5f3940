package org.parley.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An {@link InstantSource} that tests move by hand. Thread-safe, so a test thread may advance it
 * while the code under test reads it.
 */
public final class TestClock implements InstantSource {
    private final AtomicReference<Instant> now;

    public TestClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** A clock at 2026-01-01T00:00:00Z. */
    public static TestClock atEpochOfTests() {
        return new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /** Moves the clock forward; a negative step is refused because stored times must not run back. */
    public Instant advance(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("step must not be negative: " + step);
        }
        return now.updateAndGet(t -> t.plus(step));
    }

    /** Sets the clock to an instant, forward or back (to simulate a peer's skewed clock). */
    public void set(Instant instant) {
        now.set(instant);
    }
}
