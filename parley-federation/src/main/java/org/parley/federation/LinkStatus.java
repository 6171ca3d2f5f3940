package org.parley.federation;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a node knows about its link to the peer, as shown to operators.
 *
 * @param lastRoundTrip round-trip time of the last answered link test
 * @param peerClockOffset peer clock minus own clock, estimated NTP-style from the last answered test
 * @param lastAnsweredAt when the last link test was answered
 * @param consecutiveMisses link tests unanswered in a row since the last answer
 * @param alarm true while the configured number of misses has been reached and not yet cleared
 * @param sent link tests sent since start
 * @param answered link tests answered since start
 */
public record LinkStatus(
        Optional<Duration> lastRoundTrip,
        Optional<Duration> peerClockOffset,
        Optional<Instant> lastAnsweredAt,
        int consecutiveMisses,
        boolean alarm,
        long sent,
        long answered) {
    public LinkStatus {
        if (consecutiveMisses < 0) {
            throw new IllegalArgumentException("consecutiveMisses must be >= 0: " + consecutiveMisses);
        }
        if (sent < 0 || answered < 0 || answered > sent) {
            throw new IllegalArgumentException("need 0 <= answered <= sent: answered " + answered + ", sent " + sent);
        }
    }
}
