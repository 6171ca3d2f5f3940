package org.parley.track;

/** Where a track's speed and course come from. */
public enum MotionSource {
    /** Speed and course over ground as the target reported them. */
    REPORTED,
    /** Estimated from the last two accepted positions (geodesic distance and azimuth over time). */
    ESTIMATED,
    /** Neither reported nor estimable yet (a single position); speed is taken as zero. */
    UNKNOWN
}
