package org.parley.adsb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AltitudeCodesTest {
    @Test
    void ac13ToFeet_zero_isInvalid() {
        assertThat(AltitudeCodes.ac13ToFeet(0)).isEqualTo(AltitudeCodes.INVALID);
    }

    @Test
    void ac13ToFeet_qBitSet_counts25FeetFromMinus1000() {
        // Annex 10 Vol IV §3.1.2.6.5.4: Q=1, N=1 → -975 ft. N is the 11 bits without M and Q.
        assertThat(AltitudeCodes.ac13ToFeet(0b0000000010001)).isEqualTo(-975);
    }

    @Test
    void ac13ToFeet_gillhamC2Only_isMinus1000() {
        // Annex 10 Vol IV Table 3-13 starts at -1000 ft with only C2 set (all 500 ft bits zero).
        int c2Only = 0b0010000000000;
        assertThat(AltitudeCodes.ac13ToFeet(c2Only)).isEqualTo(-1000);
    }

    @Test
    void squawk_allOnes_is7777() {
        assertThat(AltitudeCodes.squawk(0b1111110111111)).isEqualTo("7777");
    }

    @Test
    void squawk_onlyA4_is4000() {
        assertThat(AltitudeCodes.squawk(0b0000010000000)).isEqualTo("4000");
    }
}
