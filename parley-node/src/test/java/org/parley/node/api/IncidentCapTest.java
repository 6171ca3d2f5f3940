package org.parley.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.parley.encounter.EncounterEvent;
import org.parley.encounter.GeoPoint;
import org.parley.encounter.Level;
import org.parley.node.watch.Incident;
import org.parley.testing.CapXml;
import org.parley.track.Domain;
import org.parley.wire.Party;

/** The node's stored incident told as CAP 1.2 through the one CAP writer (CapAlert). */
class IncidentCapTest {
    private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

    private static Incident incident(Optional<Instant> closed) {
        return new Incident(
                "BLUE-20260301T120000Z-0001",
                "a|b",
                Domain.AIR,
                "BLUE-1",
                "RED-2",
                Optional.of(new Party("BLUE")),
                Optional.of(new Party("RED")),
                Level.HOTLINE,
                T,
                T.plusSeconds(90),
                closed);
    }

    private static Incident.Change change(int seq) {
        return new Incident.Change(
                seq,
                EncounterEvent.Kind.ESCALATED,
                Level.HOTLINE,
                T.plusSeconds(60),
                2_500,
                45,
                900,
                30,
                OptionalDouble.empty(),
                new GeoPoint(20, 115),
                new GeoPoint(20.01, 115.01),
                T.plusSeconds(90),
                "closing & climbing",
                Optional.empty(),
                Optional.empty());
    }

    @Test
    void cap_escalatedOpenIncident_updateWithLastChangesArea() {
        CapXml alert = CapXml.parse(IncidentViews.cap(
                new Incident.Detail(incident(Optional.empty()), List.of(change(1), change(2)), List.of(), List.of()),
                new Party("BLUE")));

        assertThat(alert.text("identifier")).isEqualTo("BLUE-20260301T120000Z-0001_2");
        assertThat(alert.text("sender")).isEqualTo("parley:BLUE");
        assertThat(alert.text("sent")).isEqualTo("2026-03-01T12:01:30-00:00");
        assertThat(alert.text("msgType")).isEqualTo("Update");
        assertThat(alert.text("event")).isEqualTo("Unsafe air encounter");
        assertThat(alert.text("severity")).isEqualTo("Extreme");
        assertThat(alert.text("urgency")).isEqualTo("Immediate");
        assertThat(alert.text("description")).isEqualTo("closing & climbing");
        assertThat(alert.text("circle")).isEqualTo("20.000000,115.000000 2.500");
    }

    @Test
    void cap_closedIncidentWithoutChanges_cancelWithNoArea() {
        CapXml alert = CapXml.parse(IncidentViews.cap(
                new Incident.Detail(incident(Optional.of(T.plusSeconds(120))), List.of(), List.of(), List.of()),
                new Party("BLUE")));

        assertThat(alert.text("identifier")).isEqualTo("BLUE-20260301T120000Z-0001_0");
        assertThat(alert.text("msgType")).isEqualTo("Cancel");
        assertThat(alert.text("urgency")).isEqualTo("Past");
        assertThat(alert.count("area")).isZero();
    }
}
