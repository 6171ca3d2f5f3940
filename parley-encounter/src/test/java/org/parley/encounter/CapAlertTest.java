package org.parley.encounter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parley.testing.CapXml;
import org.parley.track.Domain;

class CapAlertTest {

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

    @Test
    void xml_fullAlert_carriesCap12FieldsInTheirForms() {
        CapXml alert = CapXml.parse(alert(
                        Optional.of("range 50 m & closing \"fast\" <now>"),
                        Optional.of(new CapAlert.Area("Closest approach", new GeoPoint(10.5, -20.25), 40)))
                .xml());

        assertThat(alert.namespace()).isEqualTo(CapXml.NAMESPACE);
        // 3.3.2: an offset, "-00:00" for UTC, never "Z", no fraction of a second.
        assertThat(alert.text("sent")).isEqualTo("2026-03-01T12:00:00-00:00");
        assertThat(alert.text("msgType")).isEqualTo("Update");
        assertThat(alert.text("scope")).isEqualTo("Restricted");
        assertThat(alert.text("event")).isEqualTo("Unsafe maritime encounter");
        assertThat(alert.text("severity")).isEqualTo("Severe");
        assertThat(alert.text("urgency")).isEqualTo("Immediate");
        assertThat(alert.text("certainty")).isEqualTo("Observed");
        assertThat(alert.text("description")).isEqualTo("range 50 m & closing \"fast\" <now>");
        // 3.2.4 circle: "lat,lon radius", radius in km; a 40 m range is drawn at least 0.1 km wide.
        assertThat(alert.text("circle")).isEqualTo("10.500000,-20.250000 0.100");
    }

    @Test
    void xml_noChangeYet_leavesOutDescriptionAndArea() {
        CapXml alert = CapXml.parse(alert(Optional.empty(), Optional.empty()).xml());

        assertThat(alert.count("description")).isZero();
        assertThat(alert.count("area")).isZero();
        assertThat(alert.text("headline")).isEqualTo("UNSAFE A / B");
    }
}
