package org.parley.track;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TargetIdTest {

    @Property(tries = 2000)
    void compareTo_anyTwoTargets_ordersAsTheirLabels(@ForAll("ids") TargetId a, @ForAll("ids") TargetId b) {
        assertThat(Integer.signum(a.compareTo(b)))
                .isEqualTo(Integer.signum(a.label().compareTo(b.label())));
    }

    @Provide
    Arbitrary<TargetId> ids() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, 999_999_999).map(TargetId.Mmsi::new),
                Arbitraries.integers().between(0, 0xFF_FFFF).map(TargetId.IcaoAddress::new));
    }
}
