package org.parley.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.parley.testing.Generators;
import org.parley.testing.SeededTest;

class StatsCalculatorTest {
    @Test
    void median_oddCount_isTheMiddleValue() {
        assertThat(StatsCalculator.median(List.of(Duration.ofDays(21), Duration.ofDays(4), Duration.ofDays(7))))
                .contains(Duration.ofDays(7));
    }

    @Test
    void median_evenCount_isTheMeanOfTheTwoMiddleValues() {
        assertThat(StatsCalculator.median(
                        List.of(Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(2), Duration.ofHours(9))))
                .contains(Duration.ofHours(3));
    }

    @Test
    void median_none_isEmpty() {
        assertThat(StatsCalculator.median(List.of())).isEmpty();
    }

    @SeededTest(tries = 100)
    void median_anyList_hasAsManyValuesAtOrBelowAsAtOrAbove(SplittableRandom random) {
        List<Duration> durations = new ArrayList<>();
        // Values from a small range half the time, so that ties around the median are common.
        int max = random.nextBoolean() ? 5 : 100_000;
        for (int n = 1 + random.nextInt(30); n > 0; n--) {
            durations.add(Duration.ofSeconds(Generators.intBetween(random, 0, max)));
        }
        Duration median = StatsCalculator.median(durations).orElseThrow();
        long atOrBelow =
                durations.stream().filter(d -> d.compareTo(median) <= 0).count();
        long atOrAbove =
                durations.stream().filter(d -> d.compareTo(median) >= 0).count();
        assertThat(atOrBelow).isGreaterThanOrEqualTo((durations.size() + 1) / 2);
        assertThat(atOrAbove).isGreaterThanOrEqualTo((durations.size() + 1) / 2);
    }

    @Test
    void period_labels_areUtcCalendarPeriods() {
        Instant t = Instant.parse("2022-08-05T23:30:00Z");
        assertThat(Period.MONTH.label(t)).isEqualTo("2022-08");
        assertThat(Period.QUARTER.label(t)).isEqualTo("2022-Q3");
        assertThat(Period.YEAR.label(t)).isEqualTo("2022");
    }
}
