package org.parley.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.encounter.EncounterEngine;
import org.parley.encounter.EncounterEvent;
import org.parley.encounter.Level;
import org.parley.node.watch.EncounterWatch;
import org.parley.wire.Party;
import org.parley.wire.Payload;

/** The demo intercept through the real engine, and what the node's encounter watch drafts from its events. */
class DemoEncounterTest {
    private static final Party BLUE = Party.of("BLUE");
    private static final Party RED = Party.of("RED");

    @Test
    void draft_redClosingOnBlueBow_firstFlashWarnsOfCpaAtLeastFiveMinutesAhead() {
        List<EncounterEvent> events = replay(DemoEncounter.engine());
        EncounterEvent firstUnsafe = events.stream()
                .filter(e -> e.level() != Level.WATCH && e.kind() != EncounterEvent.Kind.CLOSED)
                .findFirst()
                .orElseThrow();
        EncounterEvent closed = events.stream()
                .filter(e ->
                        e.kind() == EncounterEvent.Kind.CLOSED && e.incidentId().equals(firstUnsafe.incidentId()))
                .findFirst()
                .orElseThrow();
        // docs/scenarios.md: the first UNSAFE alert for ships at least 5 min before closest approach.
        assertThat(Duration.between(firstUnsafe.time(), closed.closest().time()))
                .isGreaterThanOrEqualTo(Duration.ofMinutes(5));
        assertThat(closed.level()).isEqualTo(Level.HOTLINE);

        Payload draft = EncounterWatch.draft(firstUnsafe, BLUE, RED).orElseThrow();

        assertThat(draft).isInstanceOf(Payload.SafetyNotice.class);
        Payload.SafetyNotice notice = (Payload.SafetyNotice) draft;
        assertThat(notice.phraseCodes()).containsExactly("CUES.P.CPA", "CUES.P.KEEP_DISTANCE", "HOT.INCIDENT_REPORT");
        // Crossing 150 yd ahead at 20 kn against 15 kn: the CPA is 150 x 20/25 = 120 yd on the script's
        // flat frame; the engine predicts on the ellipsoid from several miles out, so allow +-50 yd.
        int cpaYards = Integer.parseInt(notice.parameters().get("1.distance").replace("yd", ""));
        assertThat(cpaYards).isBetween(70, 170);
        Instant cpaAt = Instant.parse(notice.parameters().get("1.time"));
        assertThat(Duration.between(cpaAt, closed.closest().time()).abs()).isLessThan(Duration.ofMinutes(1));
        // Issue 17.3: the engine's English summary is not attached: the other side reads the phrases in
        // its own language, with no English line inside the Chinese rendering.
        assertThat(notice.freeText()).isEmpty();
    }

    @Test
    void draft_encounterBetweenOwnUnitsOnly_nothingForTheHotline() {
        EncounterEvent event = replay(DemoEncounter.engine()).get(0);

        assertThat(EncounterWatch.draft(event, BLUE, Party.of("GREEN"))).isEmpty();
        assertThat(EncounterWatch.draft(event, Party.of("GREEN"), RED)).isEmpty();
    }

    private static List<EncounterEvent> replay(EncounterEngine engine) {
        List<EncounterEvent> events = new ArrayList<>();
        Instant start = Instant.parse("2023-06-03T09:00:00Z");
        for (Instant t = start; !t.isAfter(start.plus(Duration.ofMinutes(30))); t = t.plusSeconds(10)) {
            for (var report : DemoEncounter.reports(t)) {
                events.addAll(engine.onReport(report));
            }
            events.addAll(engine.advanceTo(t));
        }
        assertThat(events).as("the intercept raises encounters").isNotEmpty();
        return events;
    }
}
