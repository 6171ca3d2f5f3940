package org.parley.encounter;

import java.util.Optional;
import org.parley.track.Domain;
import org.parley.track.Track;

/**
 * Issue 17, "no false FLASH": what a pair in HOTLINE geometry must also show before it is a
 * HOTLINE, the level that sends the other party an automatic FLASH. Each rule removes a kind of
 * false HOTLINE measured on real traffic (docs/detection.md); the persistence of the breach across
 * sweeps is kept by the encounter itself ({@link Encounter}). A withheld HOTLINE stays UNSAFE: the
 * duty officer still sees it.
 */
final class HotlineGate {
    private static final double METRES_PER_KNOT_SECOND = Rules.METRES_PER_NM / 3600;
    /** At anchor, moored, aground: ITU-R M.1371-5 Table 47. */
    private static final int AT_ANCHOR = 1;

    private static final int MOORED = 5;
    private static final int AGROUND = 6;

    private final EncounterConfig.Confirmation rules;
    private final EncounterConfig.SeaRules sea;

    HotlineGate(EncounterConfig.Confirmation rules, EncounterConfig.SeaRules sea) {
        this.rules = rules;
        this.sea = sea;
    }

    /** Why a HOTLINE geometry is not (yet) a HOTLINE; empty when it is confirmed. */
    Optional<String> withheld(Domain domain, Track a, Track b, Kinematics ka, Kinematics kb, PairSolution s) {
        // A track of one or two reports is a position, not a course: the first reports of a ship
        // entering a receiver's range (or a second transponder on the same hull) gave HOTLINE
        // seconds after it appeared.
        if (!established(a) || !established(b)) {
            return Optional.of("track history");
        }
        if (domain == Domain.AIR) {
            return Optional.empty();
        }
        // Ships lying at anchor report "under way" and drift at a knot in their GNSS noise; a
        // stopped ship threatens no one by its own motion.
        if (!underWay(a) || !underWay(b)) {
            return Optional.of("not under way");
        }
        // Same lane, same direction: overtaking in a traffic separation scheme at a few hundred
        // yards is the traffic the scheme is for. Not when the overtaking unit is predicted to cut
        // across the other's bow inside the HOTLINE crossing distance: that is the Chung-Hoon
        // manoeuvre, whatever the course difference.
        if (courseDifference(ka.courseDegrees(), kb.courseDegrees()) < rules.parallelWithinDegrees()
                && s.cpaMetres() >= rules.parallelMinCpaYards() * Rules.METRES_PER_YARD
                && !cutsAcrossTheBow(s)) {
            return Optional.of("parallel or overtaking traffic");
        }
        if (inPort(ka, kb)) {
            return Optional.of("port or anchorage");
        }
        return Optional.empty();
    }

    private boolean cutsAcrossTheBow(PairSolution s) {
        double bow = s.nearestBowCrossingMetres(sea.hotlineBowCrossingWithinMinutes() * 60);
        return bow < sea.hotlineBowCrossingYards() * Rules.METRES_PER_YARD;
    }

    /** The persistence a breach of this domain needs, seconds. */
    double persistSeconds(Domain domain) {
        return switch (domain) {
            case SEA -> rules.seaPersistSeconds();
            case AIR -> rules.airPersistSeconds();
        };
    }

    private boolean established(Track t) {
        return t.reports() >= rules.minReports() && t.historySeconds() >= rules.minHistorySeconds();
    }

    private boolean underWay(Track t) {
        if (t.speedKnots() < rules.underWayKnots()) {
            return false;
        }
        if (t.navigationStatus().isEmpty()) {
            return true;
        }
        int status = t.navigationStatus().getAsInt();
        return status != AT_ANCHOR && status != MOORED && status != AGROUND;
    }

    /**
     * Port approaches and anchorages (NGA World Port Index): the slower ship below the port speed
     * means ships manoeuvring for berths, pilots and anchor berths, which pass close as a matter
     * of course. A pair making way at sea speed near a port is still judged.
     */
    private boolean inPort(Kinematics ka, Kinematics kb) {
        if (!rules.worldPorts() || rules.portRadiusNm() == 0) {
            return false;
        }
        double slowerKnots = Math.min(ka.speedMetresPerSecond(), kb.speedMetresPerSecond()) / METRES_PER_KNOT_SECOND;
        if (slowerKnots >= rules.portBelowKnots()) {
            return false;
        }
        double radius = rules.portRadiusNm() * Rules.METRES_PER_NM;
        return WorldPorts.index()
                .nearest(ka.latitudeDegrees(), ka.longitudeDegrees(), radius)
                .isPresent();
    }

    static double courseDifference(double c1, double c2) {
        double d = Math.abs(c1 - c2) % 360;
        return d > 180 ? 360 - d : d;
    }
}
