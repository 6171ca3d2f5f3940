package org.parley.encounter;

import java.util.Optional;
import org.parley.track.Domain;

/**
 * The DESIGN.md rules table applied to one pair's geometry. {@code scale} multiplies every
 * distance threshold: 1 to enter a level, the hysteresis exit factor to stay in it.
 */
final class Rules {
    static final double METRES_PER_NM = 1852;
    static final double METRES_PER_YARD = 0.9144;
    static final double METRES_PER_FOOT = 0.3048;
    private static final double CLOSING_MPS = -0.05;
    private static final Optional<Level> NONE = Optional.empty();
    private static final Optional<Level> WATCH = Optional.of(Level.WATCH);
    private static final Optional<Level> UNSAFE = Optional.of(Level.UNSAFE);
    private static final Optional<Level> HOTLINE = Optional.of(Level.HOTLINE);

    private final EncounterConfig config;

    Rules(EncounterConfig config) {
        this.config = config;
    }

    /** Look-ahead for the geometry of a domain, seconds. */
    double horizonSeconds(Domain domain) {
        return switch (domain) {
            case SEA -> config.sea().watchTcpaMinutes() * 60;
            case AIR -> config.sweep().airHorizonSeconds();
        };
    }

    /** Farthest apart two units of a domain can be now and still reach WATCH within the horizon. */
    double alertDistanceMetres(Domain domain) {
        return switch (domain) {
            case SEA ->
                Math.max(config.sea().watchCpaNm() * METRES_PER_NM, config.sea().hotlineRangeYards() * METRES_PER_YARD);
            case AIR -> Math.max(config.air().watchHorizontalNm(), TcasTable.SL7_HIGH.taDmodNm) * METRES_PER_NM;
        };
    }

    Optional<Level> classify(Domain domain, PairSolution s, boolean foreign, double meanAltitudeFeet, double scale) {
        return switch (domain) {
            case SEA -> sea(s, foreign, scale);
            case AIR -> air(s, foreign, meanAltitudeFeet, scale);
        };
    }

    private Optional<Level> sea(PairSolution s, boolean foreign, double scale) {
        EncounterConfig.SeaRules r = config.sea();
        if (foreign) {
            if (s.rangeMetres() < r.hotlineRangeYards() * METRES_PER_YARD * scale) {
                return HOTLINE;
            }
            double bow = s.nearestBowCrossingMetres(r.hotlineBowCrossingWithinMinutes() * 60);
            if (bow < r.hotlineBowCrossingYards() * METRES_PER_YARD * scale) {
                return HOTLINE;
            }
        }
        double tcpaMinutes = s.tcpaSeconds() / 60;
        boolean closeCpa =
                s.cpaMetres() < r.unsafeCpaNm() * METRES_PER_NM * scale && tcpaMinutes <= r.unsafeTcpaMinutes();
        double bow = s.nearestBowCrossingMetres(r.unsafeTcpaMinutes() * 60);
        if (closeCpa || bow < r.unsafeBowCrossingYards() * METRES_PER_YARD * scale) {
            return UNSAFE;
        }
        if (s.cpaMetres() < r.watchCpaNm() * METRES_PER_NM * scale && tcpaMinutes <= r.watchTcpaMinutes()) {
            return WATCH;
        }
        return NONE;
    }

    private Optional<Level> air(PairSolution s, boolean foreign, double meanAltitudeFeet, double scale) {
        TcasTable band = TcasTable.forAltitude(meanAltitudeFeet);
        EncounterConfig.AirRules r = config.air();
        if (foreign && (nmac(s, r, band, scale) || resolutionAdvisory(s, band, scale))) {
            return HOTLINE;
        }
        double taDmod = band.taDmodNm * METRES_PER_NM * scale;
        boolean taRange = s.rangeMetres() < taDmod || (closing(s) && modifiedTau(s, taDmod) < band.taTauSeconds);
        if (taRange && altitudeTest(s, band.taTauSeconds, band.taZthrFeet * scale)) {
            return UNSAFE;
        }
        double wellClear = r.watchHorizontalNm() * METRES_PER_NM * scale;
        boolean watchRange = s.rangeMetres() < wellClear
                || (closing(s) && modifiedTau(s, wellClear) < r.watchModifiedTauSeconds() && s.cpaMetres() < wellClear);
        if (watchRange && altitudeTest(s, r.watchModifiedTauSeconds(), r.watchVerticalFeet() * scale)) {
            return WATCH;
        }
        return NONE;
    }

    /** Near mid-air collision now, or predicted within the RA look-ahead. */
    private static boolean nmac(PairSolution s, EncounterConfig.AirRules r, TcasTable band, double scale) {
        double horizontal = r.nmacHorizontalFeet() * METRES_PER_FOOT * scale;
        double vertical = r.nmacVerticalFeet() * scale;
        boolean now = s.rangeMetres() < horizontal && within(s.verticalSeparationFeet(), vertical);
        double lookAhead = Math.max(band.raTauSeconds, band.taTauSeconds / 2);
        boolean predicted = s.cpaMetres() < horizontal
                && s.tcpaSeconds() <= lookAhead
                && within(s.verticalSeparationAtCpaFeet(), vertical);
        return now || predicted;
    }

    /** TCAS II RA geometry while closing, with the horizontal miss distance inside the RA DMOD. */
    private static boolean resolutionAdvisory(PairSolution s, TcasTable band, double scale) {
        if (!band.issuesResolutionAdvisories() || !closing(s)) {
            return false;
        }
        double dmod = band.raDmodNm * METRES_PER_NM * scale;
        return modifiedTau(s, dmod) < band.raTauSeconds
                && s.cpaMetres() < dmod
                && altitudeTest(s, band.raTauSeconds, band.raZthrFeet * scale);
    }

    private static boolean closing(PairSolution s) {
        return s.rangeRateMetresPerSecond() < CLOSING_MPS;
    }

    /**
     * TCAS modified tau, -(r^2 - DMOD^2) / (r * rdot): the time to come within DMOD at the current
     * closure; negative (so always below a threshold) once inside DMOD and still closing.
     */
    private static double modifiedTau(PairSolution s, double dmodMetres) {
        double r = Math.max(s.rangeMetres(), 1e-3);
        return -(r * r - dmodMetres * dmodMetres) / (r * s.rangeRateMetresPerSecond());
    }

    /** Co-altitude within ZTHR, or vertical closure to co-altitude within tau; unknown altitude passes. */
    private static boolean altitudeTest(PairSolution s, double tauSeconds, double zthrFeet) {
        double dz = s.verticalSeparationFeet();
        if (Double.isNaN(dz) || Math.abs(dz) < zthrFeet) {
            return true;
        }
        double rate = s.verticalRateFeetPerSecond();
        return dz * rate < 0 && -dz / rate < tauSeconds;
    }

    private static boolean within(double feet, double limit) {
        return Double.isNaN(feet) || Math.abs(feet) < limit;
    }
}
