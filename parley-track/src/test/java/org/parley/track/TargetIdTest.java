package org.parley.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.parley.testing.Generators;
import org.parley.testing.SeededTest;

class TargetIdTest {

    @SeededTest(tries = 2000)
    void compareTo_anyTwoTargets_ordersAsTheirLabels(SplittableRandom random) {
        TargetId a = id(random);
        TargetId b = id(random);
        assertThat(Integer.signum(a.compareTo(b)))
                .isEqualTo(Integer.signum(a.label().compareTo(b.label())));
    }

    private static TargetId id(SplittableRandom random) {
        return random.nextBoolean()
                ? new TargetId.Mmsi(Generators.intBetween(random, 0, 999_999_999))
                : new TargetId.IcaoAddress(Generators.intBetween(random, 0, 0xFF_FFFF));
    }
}
