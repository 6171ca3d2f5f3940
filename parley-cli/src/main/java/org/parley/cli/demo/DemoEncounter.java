package org.parley.cli.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.parley.encounter.EncounterConfig;
import org.parley.encounter.EncounterEngine;
import org.parley.encounter.EncounterEvent;
import org.parley.node.watch.EncounterWatch;
import org.parley.track.PositionReport;
import org.parley.track.TargetId;
import org.parley.track.Transponder;
import org.parley.wire.EnvelopeId;

/**
 * The demo's unsafe intercept, modelled on 3 June 2023 in the Taiwan Strait (docs/scenarios.md): a
 * BLUE destroyer northbound at 15 kn, a RED destroyer westbound at 20 kn that crosses 150 yd ahead
 * of her bow 20 minutes in. Position reports every 10 s of feed time go through BLUE's encounter
 * engine, swept every 10 s; an UNSAFE level is drafted for the duty officer and HOTLINE sends a FLASH to RED at once (the watch defaults).
 */
final class DemoEncounter {
    static final TargetId BLUE_SHIP = new TargetId.Mmsi(369970093);
    static final TargetId RED_SHIP = new TargetId.Mmsi(412000132);
    private static final Instant START = Instant.parse("2023-06-03T09:00:00Z");
    private static final double LAT = 24.2;
    private static final double LON = 119.4;
    private static final double KNOT = 1852.0 / 3600;
    private static final double METRES_PER_DEGREE = 111_320;
    private static final Duration STEP = Duration.ofSeconds(10);
    private static final Duration LENGTH = Duration.ofMinutes(30);
    private static final double CROSS_AHEAD_METRES = 150 * 0.9144;
    private static final long CROSS_AT_SECONDS = 20 * 60;

    private DemoEncounter() {}

    /** The engine's rules with the demo's parties: US-flagged units are BLUE's, Chinese RED's. */
    static EncounterEngine engine() {
        return new EncounterEngine(EncounterConfig.defaults()
                .withParties(new EncounterConfig.Parties(
                        Map.of("US", "BLUE", "CN", "RED"),
                        Map.of(
                                BLUE_SHIP,
                                new EncounterConfig.RegisteredUnit("USS Chung-Hoon (DDG-93)", Optional.empty()),
                                RED_SHIP,
                                new EncounterConfig.RegisteredUnit("PLAN destroyer", Optional.empty())))));
    }

    /**
     * Replays the intercept; {@code events} hears every engine event and {@code watch} sends what
     * the hotline must hear. Returns the id of the first FLASH sent, if any.
     */
    static Optional<EnvelopeId> replay(EncounterEngine engine, EncounterWatch watch, Consumer<EncounterEvent> events) {
        Optional<EnvelopeId> first = Optional.empty();
        for (Instant t = START; !t.isAfter(START.plus(LENGTH)); t = t.plus(STEP)) {
            // Both ships report at t, then feed time reaches t: the sweep at t sees both reports.
            List<EncounterEvent> happened = new ArrayList<>();
            for (PositionReport report : reports(t)) {
                happened.addAll(engine.onReport(report));
            }
            happened.addAll(engine.advanceTo(t));
            for (EncounterEvent event : happened) {
                events.accept(event);
                Optional<EnvelopeId> sent = watch.onEvent(event);
                if (first.isEmpty()) {
                    first = sent;
                }
            }
        }
        engine.closeAll(START.plus(LENGTH)).forEach(events);
        return first;
    }

    /** Both ships at {@code t}: straight courses on a local flat frame (metres north and east). */
    static List<PositionReport> reports(Instant t) {
        double s = Duration.between(START, t).toSeconds();
        double blueNorth = 15 * KNOT * s;
        double crossNorth = 15 * KNOT * CROSS_AT_SECONDS + CROSS_AHEAD_METRES;
        double redEast = 20 * KNOT * (CROSS_AT_SECONDS - s);
        return List.of(ship(BLUE_SHIP, t, blueNorth, 0, 15, 0), ship(RED_SHIP, t, crossNorth, redEast, 20, 270));
    }

    private static PositionReport ship(
            TargetId id, Instant t, double north, double east, double speedKnots, double courseDegrees) {
        double lat = LAT + north / METRES_PER_DEGREE;
        double lon = LON + east / (METRES_PER_DEGREE * Math.cos(Math.toRadians(LAT)));
        return PositionReport.builder(id, t, lat, lon)
                .transponder(Transponder.AIS_CLASS_A)
                .speedKnots(speedKnots)
                .courseDegrees(courseDegrees)
                .headingDegrees(courseDegrees)
                .navigationStatus(0)
                .shipType(35) // ITU-R M.1371 table 53: engaged in military operations
                .build();
    }
}
