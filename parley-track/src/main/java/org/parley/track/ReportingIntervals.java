package org.parley.track;

import java.time.Duration;

/**
 * Nominal AIS reporting intervals, ITU-R M.1371-5 Annex 1 Table 1 (Class A) and Table 2 (Class
 * B). The faster "changing course" intervals are not used: a track is judged by the slower
 * straight-course rate so that a turning ship is never declared stale early.
 */
final class ReportingIntervals {
    private ReportingIntervals() {}

    static Duration nominal(Transponder transponder, double speedKnots, boolean atAnchorOrMoored) {
        return switch (transponder) {
            case AIS_CLASS_A, OTHER -> classA(speedKnots, atAnchorOrMoored);
            case AIS_CLASS_B_SO -> classBSotdma(speedKnots);
            case AIS_CLASS_B_CS -> speedKnots <= 2 ? Duration.ofMinutes(3) : Duration.ofSeconds(30);
            // Table 1 note: SAR aircraft report every 10 s (message 9).
            case AIS_SAR_AIRCRAFT -> Duration.ofSeconds(10);
            case ADSB -> Duration.ofSeconds(1);
        };
    }

    private static Duration classA(double speedKnots, boolean atAnchorOrMoored) {
        if (atAnchorOrMoored && speedKnots <= 3) {
            return Duration.ofMinutes(3);
        }
        if (speedKnots <= 14) {
            return Duration.ofSeconds(10);
        }
        if (speedKnots <= 23) {
            return Duration.ofSeconds(6);
        }
        return Duration.ofSeconds(2);
    }

    private static Duration classBSotdma(double speedKnots) {
        if (speedKnots <= 2) {
            return Duration.ofMinutes(3);
        }
        if (speedKnots <= 14) {
            return Duration.ofSeconds(30);
        }
        if (speedKnots <= 23) {
            return Duration.ofSeconds(15);
        }
        return Duration.ofSeconds(5);
    }
}
