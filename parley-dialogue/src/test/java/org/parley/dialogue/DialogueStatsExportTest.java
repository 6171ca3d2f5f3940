package org.parley.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DialogueStatsExportTest {
    private static final StatsRow MINISTERS =
            new StatsRow("2022-Q3", Optional.of(Level.MINISTERS), 3, 1, 1, 0, 1, 0, Optional.of(Duration.ofHours(36)));
    private static final StatsRow QUARTER =
            new StatsRow("2022-Q3", Optional.empty(), 3, 1, 1, 0, 1, 0, Optional.of(Duration.ofHours(36)));
    private static final StatsRow TOTAL =
            new StatsRow("ALL", Optional.empty(), 4, 1, 1, 0, 1, 1, Optional.of(Duration.ofHours(36)));
    private static final StatsRow NOTHING_ANSWERED =
            new StatsRow("2022-Q4", Optional.of(Level.WORKING_LEVEL), 1, 0, 0, 0, 0, 1, Optional.empty());

    private final DialogueStats stats =
            new DialogueStats(Period.QUARTER, List.of(MINISTERS, QUARTER, NOTHING_ANSWERED), TOTAL);

    @Test
    void toCsv_rows_areRfc4180LinesWithHeaderAndTotalLast() {
        assertThat(stats.toCsv())
                .isEqualTo(String.join(
                                "\r\n",
                                "period,level,sent,accepted,declined,countered,unanswered,pending,median_seconds_to_answer",
                                "2022-Q3,MINISTERS,3,1,1,0,1,0,129600",
                                "2022-Q3,ALL,3,1,1,0,1,0,129600",
                                "2022-Q4,WORKING_LEVEL,1,0,0,0,0,1,",
                                "ALL,ALL,4,1,1,0,1,1,129600")
                        + "\r\n");
    }

    @Test
    void toJson_rows_carryEveryCountAndNullMedianWhenNothingAnswered() throws Exception {
        JsonNode root = new ObjectMapper().readTree(stats.toJson());

        assertThat(root.path("period").asText()).isEqualTo("QUARTER");
        assertThat(root.path("rows")).hasSize(3);
        JsonNode first = root.path("rows").get(0);
        assertThat(first.path("level").asText()).isEqualTo("MINISTERS");
        assertThat(first.path("sent").asInt()).isEqualTo(3);
        assertThat(first.path("unanswered").asInt()).isEqualTo(1);
        assertThat(first.path("medianSecondsToAnswer").asLong()).isEqualTo(129_600L);
        assertThat(root.path("rows").get(2).path("medianSecondsToAnswer").isNull())
                .isTrue();
        assertThat(root.path("total").path("pending").asInt()).isEqualTo(1);
    }

    @Test
    void statsRow_countsNotAddingUp_refused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new StatsRow("2022", Optional.empty(), 5, 1, 1, 1, 1, 0, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sum");
    }
}
