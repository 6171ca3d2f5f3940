package org.parley.dialogue;

import java.time.Duration;
import java.util.Optional;

/**
 * Counts for one period and level, by the period in which requests were sent. A request counts as
 * unanswered once its deadline passed without an answer (NO_RESPONSE).
 *
 * @param period the period label, e.g. {@code 2022-Q3}
 * @param level the level, empty for a row over all levels
 * @param sent requests sent
 * @param accepted accepted
 * @param declined declined
 * @param countered answered with a counter-proposal
 * @param unanswered NO_RESPONSE at the deadline
 * @param pending not yet answered, deadline not yet passed
 * @param medianTimeToAnswer median from sending to answer over the answered requests; empty if none
 */
public record StatsRow(
        String period,
        Optional<Level> level,
        int sent,
        int accepted,
        int declined,
        int countered,
        int unanswered,
        int pending,
        Optional<Duration> medianTimeToAnswer) {
    public StatsRow {
        if (sent != accepted + declined + countered + unanswered + pending) {
            throw new IllegalArgumentException("sent must equal the sum of the outcomes: " + sent);
        }
    }
}
