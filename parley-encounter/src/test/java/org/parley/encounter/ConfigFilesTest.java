package org.parley.encounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.track.TargetId;

class ConfigFilesTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void readRules_partialFile_overridesOnlyGivenFields() throws IOException {
        Path file = write("rules.yaml", """
                sea: {watchCpaNm: 3}
                hysteresis: {clearAfterSeconds: 30}
                suppress:
                  harbours:
                    - {name: Sydney, latitude: -33.85, longitude: 151.25, radiusNm: 4}
                """);

        EncounterConfig config = EncounterConfig.readRules(file);

        assertThat(config.sea().watchCpaNm()).isEqualTo(3);
        assertThat(config.sea().unsafeCpaNm()).isEqualTo(0.5);
        assertThat(config.hysteresis().clearAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.suppression().harbours())
                .singleElement()
                .satisfies(h -> assertThat(h.name()).isEqualTo("Sydney"));
        assertThat(config.suppression().shipTypes()).contains(52);
    }

    @Test
    void readRules_confirmSection_overridesOnlyGivenFields() throws IOException {
        Path file = write("rules.yaml", """
                confirm: {minReports: 3, seaPersistSeconds: 30, portRadiusNm: 5, worldPorts: false}
                """);

        EncounterConfig.Confirmation c = EncounterConfig.readRules(file).confirmation();

        assertThat(c.minReports()).isEqualTo(3);
        assertThat(c.seaPersistSeconds()).isEqualTo(30);
        assertThat(c.portRadiusNm()).isEqualTo(5);
        assertThat(c.worldPorts()).isFalse();
        assertThat(c.minHistorySeconds())
                .isEqualTo(EncounterConfig.Confirmation.defaults().minHistorySeconds());
        assertThat(c.underWayKnots())
                .isEqualTo(EncounterConfig.Confirmation.defaults().underWayKnots());
    }

    @Test
    void readRules_badConfirmValues_failNamingTheField() throws IOException {
        Path fraction = write("fraction.yaml", "confirm: {minReports: 2.5}\n");
        Path negative = write("negative.yaml", "confirm: {airPersistSeconds: -1}\n");
        Path notBoolean = write("flag.yaml", "confirm: {worldPorts: 1}\n");

        assertThatThrownBy(() -> EncounterConfig.readRules(fraction)).hasMessageContaining("minReports");
        assertThatThrownBy(() -> EncounterConfig.readRules(negative)).hasMessageContaining("airPersistSeconds");
        assertThatThrownBy(() -> EncounterConfig.readRules(notBoolean)).hasMessageContaining("worldPorts");
    }

    @Test
    void readRules_wrongType_failsNamingFileAndField() throws IOException {
        Path file = write("bad.yaml", "sea: {watchCpaNm: two}\n");

        assertThatThrownBy(() -> EncounterConfig.readRules(file))
                .isInstanceOf(EncounterException.class)
                .hasMessageContaining("bad.yaml")
                .hasMessageContaining("watchCpaNm");
    }

    @Test
    void readRules_negativeThreshold_refused() throws IOException {
        Path file = write("neg.yaml", "air: {nmacVerticalFeet: -100}\n");

        assertThatThrownBy(() -> EncounterConfig.readRules(file)).hasMessageContaining("nmacVerticalFeet");
    }

    @Test
    void readParties_statesAndUnits_areMapped() throws IOException {
        Path file = write("parties.yaml", """
                parties:
                  BLUE: [us, JP]
                  RED: [CN]
                units:
                  - {mmsi: 369970093, name: "USS Chung-Hoon (DDG-93)"}
                  - {icao: 780A16, name: J-16, party: RED}
                """);

        EncounterConfig.Parties parties = EncounterConfig.readParties(file);

        assertThat(parties.partyOfState()).containsEntry("US", "BLUE").containsEntry("CN", "RED");
        assertThat(parties.units().get(new TargetId.Mmsi(369970093)).name()).isEqualTo("USS Chung-Hoon (DDG-93)");
        assertThat(parties.units().get(new TargetId.IcaoAddress(0x780A16)).party())
                .hasValue("RED");
    }

    @Test
    void readParties_stateInTwoParties_refused() throws IOException {
        Path file = write("twice.yaml", "parties: {BLUE: [US], RED: [US]}\n");

        assertThatThrownBy(() -> EncounterConfig.readParties(file)).hasMessageContaining("two parties");
    }

    @Test
    void readParties_missingFile_saysWhichFile() {
        assertThatThrownBy(() -> EncounterConfig.readParties(dir.resolve("nope.yaml")))
                .isInstanceOf(EncounterException.class)
                .hasMessageContaining("nope.yaml");
    }
}
