package org.parley.encounter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.parley.testing.SeededTest;

class OpenEncountersTest {

    /** Operations on few distinct keys (many collisions and long runs), checked against a HashMap. */
    @SeededTest(tries = 200)
    void operations_anySequence_behaveLikeAMap(SplittableRandom random) {
        int[] ops = random.ints(random.nextInt(401), 0, 3 * 40 * 40).toArray();
        OpenEncounters<String> table = new OpenEncounters<>();
        Map<List<Long>, String> reference = new HashMap<>();
        for (int op : ops) {
            int kind = op / 1600;
            long a = (op % 1600) / 40;
            long b = (1L << 32) + op % 40;
            List<Long> key = List.of(a, b);
            switch (kind) {
                case 0 -> {
                    table.put(a, b, "v" + op);
                    reference.put(key, "v" + op);
                }
                case 1 -> assertThat(table.remove(a, b)).isEqualTo(reference.remove(key) != null);
                default -> assertThat(table.get(a, b)).isEqualTo(reference.get(key));
            }
            assertThat(table.size()).isEqualTo(reference.size());
        }
        for (Map.Entry<List<Long>, String> e : reference.entrySet()) {
            assertThat(table.get(e.getKey().get(0), e.getKey().get(1))).isEqualTo(e.getValue());
        }
        assertThat(table.values()).containsExactlyInAnyOrderElementsOf(reference.values());
    }

    @Test
    void put_manyConsecutiveKeys_allFoundAfterGrowingAndRemovingHalf() {
        OpenEncounters<Integer> table = new OpenEncounters<>();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            table.put(i, i + 1, i);
        }
        for (int i = 0; i < 50_000; i++) {
            if (i % 2 == 0) {
                assertThat(table.remove(i, i + 1)).isTrue();
            } else {
                kept.add(i);
            }
        }
        assertThat(table.size()).isEqualTo(kept.size());
        for (int i = 0; i < 50_000; i++) {
            assertThat(table.get(i, i + 1)).isEqualTo(i % 2 == 0 ? null : i);
        }
        assertThat(table.get(1, 1)).isNull();
    }
}
