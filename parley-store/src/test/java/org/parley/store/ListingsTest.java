package org.parley.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.parley.wire.Category;

class ListingsTest {
    @Test
    void acknowledgeableSql_namesExactlyTheAcknowledgeableSet() {
        String inner = Listings.ACKNOWLEDGEABLE_SQL.substring(1, Listings.ACKNOWLEDGEABLE_SQL.length() - 1);

        assertThat(Arrays.stream(inner.split(","))
                        .map(s -> Category.valueOf(s.strip().replace("'", "")))
                        .collect(Collectors.toSet()))
                .isEqualTo(Store.ACKNOWLEDGEABLE);
    }

    @Test
    void acknowledgeableSql_isTheV3IndexPredicateWordForWord() throws Exception {
        String migration;
        try (var in = Listings.class.getResourceAsStream("migration/V3__listings.sql")) {
            migration = new String(
                    java.util.Objects.requireNonNull(in).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }

        assertThat(migration)
                .contains("ON inbox (received_micros, from_party, envelope_id)\n    WHERE category IN "
                        + Listings.ACKNOWLEDGEABLE_SQL + ";")
                .contains("ON outbox (created_micros, envelope_id)\n    WHERE category IN "
                        + Listings.ACKNOWLEDGEABLE_SQL + ";");
    }
}
