package org.parley.federation;

import java.time.Duration;
import java.time.Instant;

/**
 * What the link tests found that the operators must see, for the alarm list and the audit log: a
 * change of the link alarm, or the peer's clock behind ours.
 */
public sealed interface LinkEvent {
    Instant at();

    /** The configured number of link tests in a row went unanswered. */
    record AlarmRaised(Instant at, int consecutiveMisses) implements LinkEvent {}

    /** A link test was answered again after an alarm. */
    record AlarmCleared(Instant at) implements LinkEvent {}

    /**
     * An answered link test put the peer's clock {@code behind} ours by more than the bound at which
     * an envelope dated ahead is reported (issue 20): one of the two clocks is wrong. Only a link
     * test can tell: an envelope dated in the past is what any retried or queued envelope is, while
     * the link test's receipt carries the peer's clock at the moment it answered (RFC 5905 §8).
     * Raised at every such answer; the node throttles the alarm.
     */
    record PeerClockBehind(Instant at, Duration behind) implements LinkEvent {
        public PeerClockBehind {
            if (behind.isNegative() || behind.isZero()) {
                throw new IllegalArgumentException("behind must be positive: " + behind);
            }
        }
    }
}
