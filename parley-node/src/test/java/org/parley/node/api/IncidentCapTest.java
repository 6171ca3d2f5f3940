package org.parley.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.parley.encounter.EncounterEvent;
import org.parley.encounter.GeoPoint;
import org.parley.encounter.Level;
import org.parley.node.watch.Incident;
import org.parley.track.Domain;
import org.parley.wire.Party;
import org.w3c.dom.Element;

/** The node's stored incident told as CAP 1.2 through the one CAP writer (CapAlert). */
class IncidentCapTest {
    private static final String CAP = "urn:oasis:names:tc:emergency:cap:1.2";
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

    private static Element parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
    }

    private static String text(Element alert, String name) {
        return alert.getElementsByTagNameNS(CAP, name).item(0).getTextContent();
    }

    @Test
    void cap_escalatedOpenIncident_updateWithLastChangesArea() throws Exception {
        Element alert = parse(IncidentViews.cap(
                new Incident.Detail(incident(Optional.empty()), List.of(change(1), change(2)), List.of(), List.of()),
                new Party("BLUE")));

        assertThat(text(alert, "identifier")).isEqualTo("BLUE-20260301T120000Z-0001_2");
        assertThat(text(alert, "sender")).isEqualTo("parley:BLUE");
        assertThat(text(alert, "sent")).isEqualTo("2026-03-01T12:01:30-00:00");
        assertThat(text(alert, "msgType")).isEqualTo("Update");
        assertThat(text(alert, "event")).isEqualTo("Unsafe air encounter");
        assertThat(text(alert, "severity")).isEqualTo("Extreme");
        assertThat(text(alert, "urgency")).isEqualTo("Immediate");
        assertThat(text(alert, "description")).isEqualTo("closing & climbing");
        assertThat(text(alert, "circle")).isEqualTo("20.000000,115.000000 2.500");
    }

    @Test
    void cap_closedIncidentWithoutChanges_cancelWithNoArea() throws Exception {
        Element alert = parse(IncidentViews.cap(
                new Incident.Detail(incident(Optional.of(T.plusSeconds(120))), List.of(), List.of(), List.of()),
                new Party("BLUE")));

        assertThat(text(alert, "identifier")).isEqualTo("BLUE-20260301T120000Z-0001_0");
        assertThat(text(alert, "msgType")).isEqualTo("Cancel");
        assertThat(text(alert, "urgency")).isEqualTo("Past");
        assertThat(alert.getElementsByTagNameNS(CAP, "area").getLength()).isZero();
    }
}
