package org.parley.encounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WorldPortsTest {
    private static final double NM = 1852;

    @Test
    void index_shipsTheWholeWorldPortIndex() {
        // NGA Pub. 150 lists about 3,800 ports.
        assertThat(WorldPorts.index().size()).isBetween(3_700, 4_000);
    }

    @Test
    void nearest_offPortHedland_findsPortHedland() {
        assertThat(WorldPorts.index().nearest(-20.25, 118.5, 10 * NM))
                .hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("Port Hedland"));
    }

    @Test
    void nearest_midTaiwanStraitAndHainanIntercept_none() {
        assertThat(WorldPorts.index().nearest(24.2, 119.4, 10 * NM)).isEmpty();
        assertThat(WorldPorts.index().nearest(17.4, 110.6, 10 * NM)).isEmpty();
    }

    @Test
    void parse_badPosition_namesTheLine() {
        assertThatThrownBy(() -> WorldPorts.parse(List.of("# c", "95.0\t10.0\tNowhere\tWPI 1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2");
    }
}
