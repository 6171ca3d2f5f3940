package org.parley.encounter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parley.track.TargetId;

class AttributionTest {
    private final StateTables tables = StateTables.standard();

    private Optional<String> state(int mmsi) {
        return tables.stateOf(new TargetId.Mmsi(mmsi));
    }

    private Optional<String> icao(int address) {
        return tables.stateOf(new TargetId.IcaoAddress(address));
    }

    @Test
    void stateOf_mmsiFormatsOfM585_findTheMid() {
        // ITU-R M.585-9 Annex 1: the same MID 412 (China) in every format that carries one.
        assertThat(state(412_000_132)).as("ship MIDXXXXXX").hasValue("CN");
        assertThat(state(41_200_013)).as("group 0MIDXXXXX").hasValue("CN");
        assertThat(state(4_120_001)).as("coast station 00MIDXXXX").hasValue("CN");
        assertThat(state(111_412_001)).as("SAR aircraft 111MIDXXX").hasValue("CN");
        assertThat(state(841_200_001)).as("handheld 8MIDXXXXX").hasValue("CN");
        assertThat(state(984_120_001)).as("craft of a parent ship 98MIDXXXX").hasValue("CN");
        assertThat(state(994_120_001)).as("AtoN 99MIDXXXX").hasValue("CN");
    }

    @Test
    void stateOf_devicesWithoutMid_haveNoState() {
        assertThat(state(970_010_001)).as("AIS-SART 970").isEmpty();
        assertThat(state(972_010_001)).as("MOB 972").isEmpty();
        assertThat(state(974_010_001)).as("EPIRB-AIS 974").isEmpty();
        assertThat(state(123_456_789)).as("1xx other than 111").isEmpty();
    }

    @Test
    void stateOf_mmsiOfOtherFlags_usesTheMidTable() {
        assertThat(state(369_970_093)).hasValue("US");
        assertThat(state(503_000_001)).hasValue("AU");
        assertThat(state(477_000_001)).hasValue("HK");
        assertThat(state(351_000_001)).hasValue("PA");
        assertThat(state(200_000_001)).as("MID 200 is not allocated").isEmpty();
    }

    @Test
    void stateOf_icaoAddress_usesAnnex10Blocks() {
        // ICAO Annex 10 Vol III Table 9-1 block boundaries.
        assertThat(icao(0x780000)).hasValue("CN");
        assertThat(icao(0x7BFFFF)).hasValue("CN");
        assertThat(icao(0x7C0000)).hasValue("AU");
        assertThat(icao(0xAE5420)).hasValue("US");
        assertThat(icao(0x100000)).hasValue("RU");
        assertThat(icao(0x899000)).hasValue("TW");
        assertThat(icao(0x000001)).isEmpty();
        assertThat(icao(0xF00000)).isEmpty();
    }

    @Test
    void unit_registryOverridesFlagParty() {
        TargetId chartered = new TargetId.Mmsi(351_000_001);
        EncounterConfig.Parties parties = new EncounterConfig.Parties(
                Map.of("US", "BLUE", "CN", "RED"),
                Map.of(chartered, new EncounterConfig.RegisteredUnit("USNS Chartered", Optional.of("BLUE"))));
        Attribution attribution = new Attribution(tables, parties);

        Unit unit = attribution.unit(chartered);
        Unit merchant = attribution.unit(new TargetId.Mmsi(351_000_002));

        assertThat(unit.party()).hasValue("BLUE");
        assertThat(unit.state()).hasValue("PA");
        assertThat(unit.name()).hasValue("USNS Chartered");
        assertThat(merchant.party()).isEmpty();
        assertThat(Attribution.foreign(unit, attribution.unit(new TargetId.Mmsi(412_000_001))))
                .isTrue();
        assertThat(Attribution.foreign(unit, merchant)).isFalse();
    }
}
