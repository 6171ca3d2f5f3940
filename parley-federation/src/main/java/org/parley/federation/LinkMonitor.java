package org.parley.federation;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Tracks the link tests this node sends and raises an alarm after {@code missesForAlarm} in a row go
 * unanswered within {@code answerTimeout}; clears it at the next answer. An answer that puts the
 * peer's clock more than {@link #CLOCK_BEHIND_NOTICE} behind ours is reported too.
 *
 * <p>Round-trip and clock offset are estimated as NTP does (RFC 5905 §8, with the peer's single
 * timestamp standing for both its receive and transmit times): offset = peer time - (sent + rtt/2).
 */
final class LinkMonitor {
    /** The peer's clock further behind ours than this is reported: the same bound as ahead (Inbound). */
    static final Duration CLOCK_BEHIND_NOTICE = Inbound.CLOCK_AHEAD_NOTICE;

    private final InstantSource clock;
    private final Duration answerTimeout;
    private final int missesForAlarm;
    private final Consumer<LinkEvent> events;
    private final Map<String, Instant> outstanding = new LinkedHashMap<>();
    private LinkStatus status = new LinkStatus(Optional.empty(), Optional.empty(), Optional.empty(), 0, false, 0, 0);

    LinkMonitor(InstantSource clock, Duration answerTimeout, int missesForAlarm, Consumer<LinkEvent> events) {
        if (answerTimeout.isNegative() || answerTimeout.isZero()) {
            throw new IllegalArgumentException("answerTimeout must be positive: " + answerTimeout);
        }
        if (missesForAlarm < 1) {
            throw new IllegalArgumentException("missesForAlarm must be >= 1: " + missesForAlarm);
        }
        this.clock = clock;
        this.answerTimeout = answerTimeout;
        this.missesForAlarm = missesForAlarm;
        this.events = events;
    }

    synchronized void sent(String nonce, Instant sentAt) {
        expireOverdue();
        outstanding.put(nonce, sentAt);
        status = new LinkStatus(
                status.lastRoundTrip(),
                status.peerClockOffset(),
                status.lastAnsweredAt(),
                status.consecutiveMisses(),
                status.alarm(),
                status.sent() + 1,
                status.answered());
    }

    /** An answer to one of our tests; unknown or late nonces (already counted as misses) are ignored. */
    synchronized boolean answered(String nonce, Instant peerTime) {
        Instant now = clock.instant();
        Instant sentAt = outstanding.remove(nonce);
        if (sentAt == null) {
            return false;
        }
        Duration rtt = Duration.between(sentAt, now);
        Duration offset = Duration.between(sentAt.plus(rtt.dividedBy(2)), peerTime);
        boolean wasAlarm = status.alarm();
        status = new LinkStatus(
                Optional.of(rtt),
                Optional.of(offset),
                Optional.of(now),
                0,
                false,
                status.sent(),
                status.answered() + 1);
        if (wasAlarm) {
            events.accept(new LinkEvent.AlarmCleared(now));
        }
        if (offset.negated().compareTo(CLOCK_BEHIND_NOTICE) > 0) {
            events.accept(new LinkEvent.PeerClockBehind(now, offset.negated()));
        }
        return true;
    }

    /** Counts tests older than the timeout as misses; call on each scheduler tick. */
    synchronized void expireOverdue() {
        Instant now = clock.instant();
        List<String> expired = new ArrayList<>();
        outstanding.forEach((nonce, sentAt) -> {
            if (!now.isBefore(sentAt.plus(answerTimeout))) {
                expired.add(nonce);
            }
        });
        for (String nonce : expired) {
            outstanding.remove(nonce);
            int misses = status.consecutiveMisses() + 1;
            boolean raise = !status.alarm() && misses >= missesForAlarm;
            status = new LinkStatus(
                    status.lastRoundTrip(),
                    status.peerClockOffset(),
                    status.lastAnsweredAt(),
                    misses,
                    status.alarm() || raise,
                    status.sent(),
                    status.answered());
            if (raise) {
                events.accept(new LinkEvent.AlarmRaised(now, misses));
            }
        }
    }

    synchronized LinkStatus status() {
        return status;
    }
}
