package org.parley.encounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The incident JSON gives back the event it was written from (the Flink job writes it, a node with
 * a {@code kafka} feed reads it), on the engine's own events for a bow crossing at sea and an air
 * intercept, and refuses what is not an incident event with the member at fault.
 */
class EventJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fromJson_engineEventsAtSeaAndInTheAir_giveTheSameEvents() throws Exception {
        List<EncounterEvent> sea = ScenarioTest.replay(
                new EncounterEngine(ScenarioTest.config()),
                Scenarios.chungHoon().reportsThroughAis());
        List<EncounterEvent> air = ScenarioTest.replay(
                new EncounterEngine(ScenarioTest.config()), Scenarios.j16().reportsThroughAdsb());
        assertThat(sea).anyMatch(e -> e.closest().bowCrossing().isPresent());
        assertThat(air).anyMatch(e -> e.closest().verticalSeparationFeet().isPresent());

        for (EncounterEvent e : concat(sea, air)) {
            String json = JSON.writeValueAsString(e.jsonMembers());

            assertThat(EncounterEvent.fromJson(json)).isEqualTo(e);
        }
    }

    @Test
    void fromJson_oldJsonWithoutDetail_namesTheMissingMember() throws Exception {
        EncounterEvent e = ScenarioTest.replay(
                        new EncounterEngine(ScenarioTest.config()),
                        Scenarios.chungHoon().reportsThroughAis())
                .getFirst();
        var members = e.jsonMembers();
        members.remove("unitA");

        assertThatThrownBy(() -> EncounterEvent.fromJson(JSON.writeValueAsString(members)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing member unitA");
    }

    @Test
    void fromJson_badUnitIdOrNotJson_saysWhatIsWrong() {
        assertThatThrownBy(() -> EncounterEvent.fromJson("{\"kind\":"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an incident event");
        assertThatThrownBy(() -> EventJson.target("HULL 12"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'MMSI nnnnnnnnn' or 'ICAO hhhhhh'");
        assertThat(EventJson.target("ICAO 780A3C")).isEqualTo(new org.parley.track.TargetId.IcaoAddress(0x780A3C));
    }

    private static List<EncounterEvent> concat(List<EncounterEvent> a, List<EncounterEvent> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
