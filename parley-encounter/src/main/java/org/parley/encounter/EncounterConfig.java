package org.parley.encounter;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.parley.track.TargetId;

/**
 * Everything the encounter watch is told: the safety rules (DESIGN.md rules table), hysteresis,
 * suppression, parties and the unit registry, and what confirms a HOTLINE (issue 17). {@link #defaults()} holds the table's values; {@link
 * #readRules} and {@link #readParties} read the YAML files an operator edits (examples in
 * docs/detection.md and docs/scenarios.md).
 */
public record EncounterConfig(
        SeaRules sea,
        AirRules air,
        Hysteresis hysteresis,
        Suppression suppression,
        Parties parties,
        Sweep sweep,
        Confirmation confirmation) {

    /** The DESIGN.md defaults, with no parties (so no HOTLINE until parties are configured). */
    public static EncounterConfig defaults() {
        return new EncounterConfig(
                SeaRules.defaults(),
                AirRules.defaults(),
                new Hysteresis(Duration.ofMinutes(2), 1.2),
                Suppression.defaults(),
                new Parties(Map.of(), Map.of()),
                new Sweep(60, 1200, 60),
                Confirmation.defaults());
    }

    /**
     * Reads a rules file; every key is optional and falls back to {@link #defaults()}.
     *
     * @throws EncounterException naming the file and the field when the file cannot be used
     */
    public static EncounterConfig readRules(java.nio.file.Path rulesYaml) {
        return ConfigFiles.readRules(rulesYaml);
    }

    /** Reads a parties file (parties: NAME: [states], units: [...]). */
    public static Parties readParties(java.nio.file.Path partiesYaml) {
        return ConfigFiles.readParties(partiesYaml);
    }

    /** The same rules with other parties. */
    public EncounterConfig withParties(Parties value) {
        return new EncounterConfig(sea, air, hysteresis, suppression, value, sweep, confirmation);
    }

    /** The same rules with other suppression. */
    public EncounterConfig withSuppression(Suppression value) {
        return new EncounterConfig(sea, air, hysteresis, value, parties, sweep, confirmation);
    }

    /** The same rules with other HOTLINE confirmation. */
    public EncounterConfig withConfirmation(Confirmation value) {
        return new EncounterConfig(sea, air, hysteresis, suppression, parties, sweep, value);
    }

    /**
     * Ship rules. WATCH: OpenCPN's default CPA/TCPA alarm (2 NM, 30 min). UNSAFE: 0.5 NM within 12
     * min (COLREGs practice, CUES), or a bow crossing closer than 1,000 yd. HOTLINE (foreign units
     * only): inside 500 yd (2014 MOU on rules of behavior; USS Chung-Hoon was crossed at 150 yd),
     * or a bow crossing closer than 1,000 yd that happens within {@code
     * hotlineBowCrossingWithinMinutes}.
     */
    public record SeaRules(
            double watchCpaNm,
            double watchTcpaMinutes,
            double unsafeCpaNm,
            double unsafeTcpaMinutes,
            double unsafeBowCrossingYards,
            double hotlineRangeYards,
            double hotlineBowCrossingYards,
            double hotlineBowCrossingWithinMinutes) {
        public SeaRules {
            positive(watchCpaNm, "watchCpaNm");
            positive(watchTcpaMinutes, "watchTcpaMinutes");
            positive(unsafeCpaNm, "unsafeCpaNm");
            positive(unsafeTcpaMinutes, "unsafeTcpaMinutes");
            positive(unsafeBowCrossingYards, "unsafeBowCrossingYards");
            positive(hotlineRangeYards, "hotlineRangeYards");
            positive(hotlineBowCrossingYards, "hotlineBowCrossingYards");
            positive(hotlineBowCrossingWithinMinutes, "hotlineBowCrossingWithinMinutes");
        }

        public static SeaRules defaults() {
            return new SeaRules(2, 30, 0.5, 12, 1000, 500, 1000, 3);
        }
    }

    /**
     * Aircraft rules. WATCH: RTCA DO-365 well-clear (0.66 NM / 450 ft, modified tau 35 s). UNSAFE:
     * TCAS II v7.1 traffic advisory (thresholds by altitude band, fixed in code). HOTLINE (foreign
     * only): near mid-air collision (500 ft horizontal and 100 ft vertical, now or predicted within
     * the RA tau) or a TCAS II resolution-advisory geometry while closing.
     */
    public record AirRules(
            double watchHorizontalNm,
            double watchVerticalFeet,
            double watchModifiedTauSeconds,
            double nmacHorizontalFeet,
            double nmacVerticalFeet) {
        public AirRules {
            positive(watchHorizontalNm, "watchHorizontalNm");
            positive(watchVerticalFeet, "watchVerticalFeet");
            positive(watchModifiedTauSeconds, "watchModifiedTauSeconds");
            positive(nmacHorizontalFeet, "nmacHorizontalFeet");
            positive(nmacVerticalFeet, "nmacVerticalFeet");
        }

        public static AirRules defaults() {
            return new AirRules(0.66, 450, 35, 500, 100);
        }
    }

    /**
     * An encounter keeps its level while the rules still hold with every distance threshold
     * multiplied by {@code exitFactor}, and closes only after {@code clearAfter} below WATCH.
     */
    public record Hysteresis(Duration clearAfter, double exitFactor) {
        public Hysteresis {
            if (clearAfter.isNegative() || !(exitFactor >= 1)) {
                throw new IllegalArgumentException("clearAfter must be >= 0 and exitFactor >= 1");
            }
        }
    }

    /**
     * Pairs involving such units, or inside such zones, are not evaluated; nor are ship pairs where
     * both are slower than {@code stoppedBelowKnots} (two ships lying still do not close on each
     * other, whatever their reported status).
     */
    public record Suppression(
            Set<Integer> navigationStatuses,
            Set<Integer> shipTypes,
            List<HarbourZone> harbours,
            double stoppedBelowKnots) {
        public Suppression {
            if (!(stoppedBelowKnots >= 0)) {
                throw new IllegalArgumentException("stoppedBelowKnots must be >= 0: " + stoppedBelowKnots);
            }
            navigationStatuses = Set.copyOf(navigationStatuses);
            shipTypes = Set.copyOf(shipTypes);
            harbours = List.copyOf(harbours);
        }

        /**
         * At anchor (1), moored (5), aground (6) — ITU-R M.1371-5 Table 47; pilot (50), SAR (51),
         * tugs (31, 32, 52), port tenders (53) — Table 53.
         */
        public static Suppression defaults() {
            return new Suppression(Set.of(1, 5, 6), Set.of(31, 32, 50, 51, 52, 53), List.of(), 2);
        }
    }

    /** A circle inside which ship encounters are normal harbour traffic. */
    public record HarbourZone(String name, double latitudeDegrees, double longitudeDegrees, double radiusNm) {
        public HarbourZone {
            if (!(latitudeDegrees >= -90 && latitudeDegrees <= 90)
                    || !(longitudeDegrees >= -180 && longitudeDegrees <= 180)) {
                throw new IllegalArgumentException("harbour " + name + " has a bad position");
            }
            positive(radiusNm, "radiusNm");
        }
    }

    /**
     * Who is who: a party is a set of states (ISO 3166-1 alpha-2), and the unit registry names known
     * units and may place them in a party regardless of their flag.
     */
    public record Parties(Map<String, String> partyOfState, Map<TargetId, RegisteredUnit> units) {
        public Parties {
            partyOfState = Map.copyOf(partyOfState);
            units = Map.copyOf(units);
        }
    }

    /** A known unit: its name, and the party it belongs to when that overrides its flag. */
    public record RegisteredUnit(String name, Optional<String> party) {}

    /**
     * Grid sizing: cells are at least as wide as the farthest two units can be and still alert
     * within the look-ahead (docs/decisions.md, decision 9).
     */
    public record Sweep(double seaMaxClosureKnots, double airMaxClosureKnots, double airHorizonSeconds) {
        public Sweep {
            positive(seaMaxClosureKnots, "seaMaxClosureKnots");
            positive(airMaxClosureKnots, "airMaxClosureKnots");
            positive(airHorizonSeconds, "airHorizonSeconds");
        }
    }

    /**
     * What a HOTLINE geometry must also show before it is a HOTLINE (and so an automatic FLASH to
     * the other party); until then the pair stays UNSAFE. docs/detection.md explains each rule and
     * what it removed on real traffic.
     *
     * @param minReports reports each track must have: one AIS report is a position, not a track;
     *     five Class A reports span 10 to 50 s under way (ITU-R M.1371-5 Table 1)
     * @param minHistorySeconds seconds from each track's first report to its latest
     * @param seaPersistSeconds how long the confirmed breach must hold for ships: 20 s is three
     *     consecutive 10-second sweeps (the engine's cadence) agreeing, with every report-driven
     *     judgement in between
     * @param airPersistSeconds the same for aircraft: 10 s, two sweeps, a third of the TCAS II RA tau
     *     at the altitudes of these intercepts (DO-185B, 30 to 35 s)
     * @param underWayKnots both ships must make at least this speed over ground and not report at
     *     anchor, moored or aground (ITU-R M.1371-5 Table 47); 2 kn is above the speed a ship
     *     swinging at anchor shows in its GNSS noise
     * @param parallelWithinDegrees ships whose courses differ by less than this are in parallel or
     *     overtaking traffic (a traffic separation scheme lane), normal at a few hundred yards ...
     * @param parallelMinCpaYards ... unless the predicted closest approach is below this: nobody
     *     overtakes at less than a ship's length on purpose
     * @param portRadiusNm ships within this of a port of the World Port Index are in its approaches
     *     and anchorages ...
     * @param portBelowKnots ... and are normal port traffic when the slower is below this speed
     * @param worldPorts false to ignore the World Port Index (then only configured harbours count)
     */
    public record Confirmation(
            int minReports,
            double minHistorySeconds,
            double seaPersistSeconds,
            double airPersistSeconds,
            double underWayKnots,
            double parallelWithinDegrees,
            double parallelMinCpaYards,
            double portRadiusNm,
            double portBelowKnots,
            boolean worldPorts) {
        public Confirmation {
            if (minReports < 1) {
                throw new IllegalArgumentException("minReports must be >= 1: " + minReports);
            }
            notNegative(minHistorySeconds, "minHistorySeconds");
            notNegative(seaPersistSeconds, "seaPersistSeconds");
            notNegative(airPersistSeconds, "airPersistSeconds");
            notNegative(underWayKnots, "underWayKnots");
            notNegative(parallelWithinDegrees, "parallelWithinDegrees");
            notNegative(parallelMinCpaYards, "parallelMinCpaYards");
            notNegative(portRadiusNm, "portRadiusNm");
            notNegative(portBelowKnots, "portBelowKnots");
        }

        public static Confirmation defaults() {
            return new Confirmation(5, 30, 20, 10, 2, 15, 100, 10, 8, true);
        }

        /** No confirmation at all: the geometry alone decides, as before issue 17. */
        public static Confirmation none() {
            return new Confirmation(1, 0, 0, 0, 0, 0, 0, 0, 0, false);
        }
    }

    private static void notNegative(double value, String name) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be >= 0: " + value);
        }
    }

    private static void positive(double value, String name) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be > 0: " + value);
        }
    }
}
