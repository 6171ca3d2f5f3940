package org.parley.node.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.encounter.EncounterConfig;
import org.parley.encounter.EncounterEngine;
import org.parley.encounter.EncounterEvent;
import org.parley.encounter.Level;
import org.parley.track.Altitude;
import org.parley.track.Domain;
import org.parley.track.PositionReport;
import org.parley.track.TargetId;
import org.parley.track.Transponder;
import org.parley.wire.Party;
import org.parley.wire.Payload;

/**
 * The air branch of the watch's drafting: two aircraft of the two parties, head on at one flight
 * level, through the real engine (ICAO Annex 10 Vol III address blocks give their states).
 */
class EncounterWatchTest {
    private static final Party BLUE = Party.of("BLUE");
    private static final Party RED = Party.of("RED");
    /** In the United States block A00000-AFFFFF. */
    private static final TargetId BLUE_JET = new TargetId.IcaoAddress(0xAE1234);
    /** In the China block 780000-7BFFFF. */
    private static final TargetId RED_JET = new TargetId.IcaoAddress(0x780ABC);

    private static final Instant START = Instant.parse("2024-05-26T03:00:00Z");
    private static final double KNOT = 1852.0 / 3600;

    @Test
    void draft_airIntercept_flashSaysTooCloseInFeet() {
        EncounterEvent unsafe = firstAlert(headOn());

        assertThat(unsafe.domain()).isEqualTo(Domain.AIR);
        Payload draft = EncounterWatch.draft(unsafe, BLUE, RED).orElseThrow();

        assertThat(draft).isInstanceOf(Payload.SafetyNotice.class);
        Payload.SafetyNotice notice = (Payload.SafetyNotice) draft;
        assertThat(notice.phraseCodes()).contains("MOU.AIR.TOO_CLOSE", "HOT.INCIDENT_REPORT");
        assertThat(notice.phraseCodes()).doesNotContain("CUES.P.CPA", "CUES.P.BOW_CROSSING");
        assertThat(notice.parameters().values()).anyMatch(v -> v.endsWith("ft"));
    }

    @Test
    void draft_airInterceptSeenFromRed_namesRedsOwnAircraftPosition() {
        EncounterEvent unsafe = firstAlert(headOn());

        Payload.SafetyNotice fromBlue =
                (Payload.SafetyNotice) EncounterWatch.draft(unsafe, BLUE, RED).orElseThrow();
        Payload.SafetyNotice fromRed =
                (Payload.SafetyNotice) EncounterWatch.draft(unsafe, RED, BLUE).orElseThrow();

        // Each side reports where its own aircraft was at the closest approach.
        assertThat(position(fromBlue)).isNotEqualTo(position(fromRed));
    }

    private static String position(Payload.SafetyNotice notice) {
        return notice.parameters().entrySet().stream()
                .filter(e -> e.getKey().endsWith(".position"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow();
    }

    private static EncounterEvent firstAlert(List<EncounterEvent> events) {
        return events.stream()
                .filter(e -> e.level() != Level.WATCH && e.kind() != EncounterEvent.Kind.CLOSED)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no UNSAFE or HOTLINE alert in " + events));
    }

    /** Two jets at FL250, 420 kn each, closing head on from 20 NM, one report a second each. */
    private static List<EncounterEvent> headOn() {
        EncounterEngine engine = new EncounterEngine(EncounterConfig.defaults()
                .withParties(new EncounterConfig.Parties(Map.of("US", "BLUE", "CN", "RED"), Map.of())));
        List<EncounterEvent> events = new ArrayList<>();
        double startMetres = 10 * 1852;
        for (Instant t = START; t.isBefore(START.plus(Duration.ofMinutes(2))); t = t.plusSeconds(1)) {
            double flown = 420 * KNOT * Duration.between(START, t).toSeconds();
            events.addAll(engine.onReport(jet(BLUE_JET, t, -startMetres + flown, 90)));
            events.addAll(engine.onReport(jet(RED_JET, t, startMetres - flown, 270)));
            events.addAll(engine.advanceTo(t));
        }
        return events;
    }

    /** A jet on the parallel 21 N, {@code eastMetres} from 118 E. */
    private static PositionReport jet(TargetId id, Instant t, double eastMetres, double courseDegrees) {
        double lon = 118 + eastMetres / (111_320 * Math.cos(Math.toRadians(21)));
        return PositionReport.builder(id, t, 21, lon)
                .transponder(Transponder.ADSB)
                .speedKnots(420)
                .courseDegrees(courseDegrees)
                .altitude(Altitude.barometric(25_000))
                .build();
    }
}
