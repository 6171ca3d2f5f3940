package org.parley.encounter;

import java.time.Instant;
import org.parley.track.TargetId;

/**
 * An observed crossing: {@code crossing} passed from one side of {@code crossed}'s heading line to
 * the other, {@code aheadMetres} in front of it.
 */
public record BowCrossing(TargetId crossing, TargetId crossed, double aheadMetres, Instant time) {
    public BowCrossing {
        if (!(aheadMetres >= 0)) {
            throw new IllegalArgumentException("aheadMetres must be >= 0: " + aheadMetres);
        }
    }
}
