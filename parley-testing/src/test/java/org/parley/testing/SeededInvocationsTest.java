package org.parley.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class SeededInvocationsTest {
    private final SeededInvocations.Invocation invocation = new SeededInvocations.Invocation(42, "a.B#c");

    @Test
    void handleTestExecutionException_failure_namesTheSeedAndHowToReplayIt() {
        AssertionError failure = new AssertionError("expected 1 but was 2");

        assertThatThrownBy(() -> invocation.handleTestExecutionException(null, failure))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("seed 42")
                .hasMessageContaining("-Dparley.seed=42 -Dtest=a.B#c")
                .hasMessageContaining("expected 1 but was 2")
                .hasCause(failure);
    }

    @Test
    void handleTestExecutionException_abortedByAssumption_passesItOnUnchanged() {
        TestAbortedException aborted = new TestAbortedException("no corpus");

        assertThatThrownBy(() -> invocation.handleTestExecutionException(null, aborted))
                .isSameAs(aborted);
    }

    @Test
    void resolveParameter_anyCall_isAFreshGeneratorFromTheSeed() {
        SplittableRandom resolved = (SplittableRandom) invocation.resolveParameter(null, null);

        assertThat(resolved.nextLong()).isEqualTo(new SplittableRandom(42).nextLong());
        assertThat(invocation.getDisplayName(3)).isEqualTo("[3] seed 42");
    }

    @Test
    void seeds_replayPropertySet_onlyThatSeed() {
        String before = System.getProperty(SeededInvocations.PROPERTY);
        System.setProperty(SeededInvocations.PROPERTY, "-7");
        try {
            assertThat(SeededInvocations.seeds(1000, "A#b")).containsExactly(-7L);
        } finally {
            if (before == null) {
                System.clearProperty(SeededInvocations.PROPERTY);
            } else {
                System.setProperty(SeededInvocations.PROPERTY, before);
            }
        }
    }

    @Test
    void seeds_noReplayProperty_asManyDistinctSeedsAsTries() {
        assumeTrue(System.getProperty(SeededInvocations.PROPERTY) == null, "a replay of one seed is running");

        assertThat(SeededInvocations.seeds(1000, "A#b").distinct().count()).isEqualTo(1000);
    }

    @Test
    void seeds_noProperty_sameSeedsForOneMethodOtherSeedsForAnother() {
        assumeTrue(System.getProperty(SeededInvocations.PROPERTY) == null, "a replay of one seed is running");

        long[] first = SeededInvocations.seeds(50, "A#b").toArray();

        assertThat(SeededInvocations.seeds(50, "A#b").toArray()).isEqualTo(first);
        assertThat(SeededInvocations.seeds(50, "A#c").toArray()).isNotEqualTo(first);
    }

    @SeededTest(tries = 200)
    void intBetween_anyBounds_staysWithinThemAndHitsThemOften(SplittableRandom random) {
        int min = random.nextInt(-1000, 1000);
        int max = min + random.nextInt(0, 1000);
        int hits = 0;
        for (int i = 0; i < 400; i++) {
            int value = Generators.intBetween(random, min, max);
            assertThat(value).isBetween(min, max);
            hits += value == min || value == max ? 1 : 0;
        }
        assertThat(hits).isPositive();
    }

    @SeededTest(tries = 200)
    void text_wellFormed_hasNoLoneSurrogateAndKeepsItsLength(SplittableRandom random) {
        String text = Generators.text(random, 50, true);

        assertThat(text.length()).isLessThanOrEqualTo(50);
        // codePoints() yields a lone surrogate as itself; a pair as one code point above U+FFFF.
        assertThat(text.codePoints().filter(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE))
                .isEmpty();
    }
}
