package org.parley.encounter;

import java.time.Duration;

/**
 * What one full sweep did: live tracks, pairs the grid offered, pairs that survived the cheap
 * distance bound and got the full geometry, and the wall time.
 */
public record SweepStats(int tracks, long pairsOffered, long pairsSolved, Duration elapsed) {}
