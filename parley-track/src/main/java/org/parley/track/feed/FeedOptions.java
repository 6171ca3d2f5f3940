package org.parley.track.feed;

import java.time.Duration;

/**
 * How patiently a feed waits: for a TCP connection to open, for a connected receiver that has gone
 * quiet, between reconnection attempts; and how fast a file without timestamps is replayed.
 *
 * @param connectTimeout how long one TCP connection attempt may take
 * @param readTimeout silence on a connected TCP feed after which it is dropped and reconnected (a
 *     receiver that hangs without closing its socket otherwise looks connected for ever)
 * @param backoffMin the wait before the first reconnection attempt; back to this after a
 *     connection that delivered data
 * @param backoffMax the wait doubles after each failed attempt up to this, and stays there
 * @param untimedReplayStep how much file time one line or frame of a recording without timestamps
 *     stands for (divided by the replay speed like real timestamps)
 */
public record FeedOptions(
        Duration connectTimeout,
        Duration readTimeout,
        Duration backoffMin,
        Duration backoffMax,
        Duration untimedReplayStep) {

    /** 10 s to connect, 60 s of silence, backoff 1 s doubling to 30 s, 100 ms a line for untimed files. */
    public static final FeedOptions DEFAULTS = new FeedOptions(
            Duration.ofSeconds(10),
            Duration.ofSeconds(60),
            Duration.ofSeconds(1),
            Duration.ofSeconds(30),
            Duration.ofMillis(100));

    public FeedOptions {
        positive(connectTimeout, "connectTimeout");
        positive(readTimeout, "readTimeout");
        positive(backoffMin, "backoffMin");
        positive(untimedReplayStep, "untimedReplayStep");
        if (backoffMax.compareTo(backoffMin) < 0) {
            throw new IllegalArgumentException("backoffMax must be >= backoffMin (" + backoffMin + "): " + backoffMax);
        }
        if (connectTimeout.toMillis() > Integer.MAX_VALUE || readTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("connectTimeout and readTimeout must be under 24 days");
        }
    }

    /** These options with another read timeout. */
    public FeedOptions withReadTimeout(Duration value) {
        return new FeedOptions(connectTimeout, value, backoffMin, backoffMax, untimedReplayStep);
    }

    /** These options with other reconnection waits. */
    public FeedOptions withBackoff(Duration min, Duration max) {
        return new FeedOptions(connectTimeout, readTimeout, min, max, untimedReplayStep);
    }

    private static void positive(Duration d, String name) {
        if (d.isNegative() || d.isZero() || d.toMillis() < 1) {
            throw new IllegalArgumentException(name + " must be at least 1 ms: " + d);
        }
    }
}
