package org.parley.encounter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.parley.track.Domain;
import org.w3c.dom.Element;

class CapAlertTest {
    private static final String CAP = "urn:oasis:names:tc:emergency:cap:1.2";

    private static CapAlert alert(Optional<String> description, Optional<CapAlert.Area> area) {
        return new CapAlert(
                "inc-7_3",
                "parley:BLUE",
                Instant.parse("2026-03-01T12:00:00.250Z"),
                CapAlert.MsgType.UPDATE,
                "The parties' duty officers",
                "inc-7",
                Domain.SEA,
                Level.UNSAFE,
                false,
                true,
                "UNSAFE A / B",
                description,
                area);
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
    void xml_fullAlert_carriesCap12FieldsInTheirForms() throws Exception {
        Element alert = parse(alert(
                        Optional.of("range 50 m & closing \"fast\" <now>"),
                        Optional.of(new CapAlert.Area("Closest approach", new GeoPoint(10.5, -20.25), 40)))
                .xml());

        assertThat(alert.getNamespaceURI()).isEqualTo(CAP);
        // 3.3.2: an offset, "-00:00" for UTC, never "Z", no fraction of a second.
        assertThat(text(alert, "sent")).isEqualTo("2026-03-01T12:00:00-00:00");
        assertThat(text(alert, "msgType")).isEqualTo("Update");
        assertThat(text(alert, "scope")).isEqualTo("Restricted");
        assertThat(text(alert, "event")).isEqualTo("Unsafe maritime encounter");
        assertThat(text(alert, "severity")).isEqualTo("Severe");
        assertThat(text(alert, "urgency")).isEqualTo("Immediate");
        assertThat(text(alert, "certainty")).isEqualTo("Observed");
        assertThat(text(alert, "description")).isEqualTo("range 50 m & closing \"fast\" <now>");
        // 3.2.4 circle: "lat,lon radius", radius in km; a 40 m range is drawn at least 0.1 km wide.
        assertThat(text(alert, "circle")).isEqualTo("10.500000,-20.250000 0.100");
    }

    @Test
    void xml_noChangeYet_leavesOutDescriptionAndArea() throws Exception {
        Element alert = parse(alert(Optional.empty(), Optional.empty()).xml());

        assertThat(alert.getElementsByTagNameNS(CAP, "description").getLength()).isZero();
        assertThat(alert.getElementsByTagNameNS(CAP, "area").getLength()).isZero();
        assertThat(text(alert, "headline")).isEqualTo("UNSAFE A / B");
    }
}
