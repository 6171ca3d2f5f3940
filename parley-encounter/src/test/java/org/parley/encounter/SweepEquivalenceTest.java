package org.parley.encounter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.junit.jupiter.api.Test;
import org.parley.testing.Generators;
import org.parley.testing.SeededTest;
import org.parley.track.Altitude;
import org.parley.track.PositionReport;
import org.parley.track.TargetId;
import org.parley.track.Transponder;

/**
 * The grid sweep against the all-pairs sweep on random fleets of ships and aircraft, crowded
 * around the antimeridian, the North Pole, Svalbard and two busy straits, reported at different
 * instants (so tracks are moved on to the sweep instant, forwards, or backwards when the sweep
 * is behind the newest report): both must open exactly the same encounters at the same levels.
 */
class SweepEquivalenceTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final double[][] CENTRES = {
        {0.0, 179.97}, {-16.5, -179.95}, {89.7, 0.0}, {78.2, 15.0}, {1.2, 103.8}, {51.0, 1.5}
    };

    @SeededTest(tries = 30)
    void sweep_randomFleet_opensSameEncountersAsAllPairs(SplittableRandom random) {
        int sweepBehindMinutes = Generators.intBetween(random, 0, 3);
        List<PositionReport> reports = fleet(new Random(random.nextLong()), 600);
        Instant now = T0.minusSeconds(60L * sweepBehindMinutes);
        EncounterEngine grid = new EncounterEngine(EncounterConfig.defaults(), 0);
        EncounterEngine brute = new EncounterEngine(EncounterConfig.defaults(), 0);
        reports.forEach(grid::index);
        reports.forEach(brute::index);

        Set<String> bySweep = opened(grid.sweep(now));
        Set<String> byBrute = opened(brute.sweepAllPairs(now));

        assertThat(bySweep).isEqualTo(byBrute);
        assertThat(grid.lastSweep().pairsOffered()).isLessThan(brute.lastSweep().pairsOffered());
    }

    @Test
    void sweep_fleetLargeEnoughForWorkerThreads_opensSameEncountersAsAllPairs() {
        List<PositionReport> reports = fleet(new Random(6), 6_000);
        EncounterEngine grid = new EncounterEngine(EncounterConfig.defaults(), 0);
        EncounterEngine brute = new EncounterEngine(EncounterConfig.defaults(), 0);
        reports.forEach(grid::index);
        reports.forEach(brute::index);

        List<EncounterEvent> bySweep = grid.sweep(T0);
        List<EncounterEvent> byBrute = brute.sweepAllPairs(T0);

        assertThat(opened(bySweep)).isNotEmpty().isEqualTo(opened(byBrute));
        assertThat(grid.lastSweep().pairsSolved()).isEqualTo(brute.lastSweep().pairsSolved());
        // Judged in slot order on one thread: the same events in the same order on every run.
        assertThat(grid.sweep(T0.plusSeconds(1)))
                .extracting(e -> e.a().id() + "|" + e.b().id() + "|" + e.kind())
                .isEqualTo(replay(reports, T0.plusSeconds(1)));
    }

    private static List<String> replay(List<PositionReport> reports, Instant second) {
        EncounterEngine again = new EncounterEngine(EncounterConfig.defaults(), 0);
        reports.forEach(again::index);
        again.sweep(T0);
        return again.sweep(second).stream()
                .map(e -> e.a().id() + "|" + e.b().id() + "|" + e.kind())
                .toList();
    }

    @SeededTest(tries = 5)
    void sweep_fleetsOfThisShape_doAlertAtSeaAndInTheAir(SplittableRandom random) {
        EncounterEngine brute = new EncounterEngine(EncounterConfig.defaults(), 0);
        fleet(new Random(random.nextLong()), 600).forEach(brute::index);

        List<EncounterEvent> events = brute.sweepAllPairs(T0);

        // Without alerts on both domains the property above would compare empty sets.
        assertThat(events).anyMatch(e -> e.domain() == org.parley.track.Domain.SEA);
        assertThat(events).anyMatch(e -> e.domain() == org.parley.track.Domain.AIR);
    }

    private static Set<String> opened(List<EncounterEvent> events) {
        return events.stream()
                .filter(e -> e.kind() == EncounterEvent.Kind.OPENED)
                .map(e -> e.a().id() + "|" + e.b().id() + "|" + e.level())
                .collect(Collectors.toSet());
    }

    /** Ships (some at anchor, reported up to 8 minutes ago) and aircraft in tight crowds. */
    static List<PositionReport> fleet(Random random, int n) {
        List<PositionReport> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] c = CENTRES[random.nextInt(CENTRES.length)];
            boolean aircraft = random.nextInt(5) == 0;
            double radiusNm = aircraft ? 25 : 12;
            GeodesicData d =
                    Geodesic.WGS84.Direct(c[0], c[1], random.nextDouble() * 360, random.nextDouble() * radiusNm * 1852);
            double lon = ((d.lon2 + 540) % 360) - 180;
            out.add(aircraft ? aircraft(random, i, d.lat2, lon) : ship(random, i, d.lat2, lon));
        }
        return out;
    }

    private static PositionReport ship(Random random, int i, double lat, double lon) {
        boolean anchored = random.nextInt(4) == 0;
        // Anchored class A: 3 min nominal, stale after 9; under way at <= 14 kn: 10 s, stale after 30.
        double knots = anchored ? random.nextDouble() * 2 : 3 + random.nextDouble() * 11;
        long age = anchored ? random.nextInt(8 * 60) : random.nextInt(25);
        return PositionReport.builder(new TargetId.Mmsi(200_000_000 + i), T0.minusSeconds(age), lat, lon)
                .transponder(Transponder.AIS_CLASS_A)
                .speedKnots(knots)
                .courseDegrees(random.nextDouble() * 359.9)
                .navigationStatus(anchored ? 1 : 0)
                .build();
    }

    private static PositionReport aircraft(Random random, int i, double lat, double lon) {
        return PositionReport.builder(
                        new TargetId.IcaoAddress(0x780000 + i), T0.minusSeconds(random.nextInt(50)), lat, lon)
                .transponder(Transponder.ADSB)
                .speedKnots(120 + random.nextDouble() * 400)
                .courseDegrees(random.nextDouble() * 359.9)
                .altitude(Altitude.barometric(9_000 + random.nextInt(8) * 250))
                .verticalRateFeetPerMinute(random.nextInt(3) * 500 - 500)
                .build();
    }
}
