package org.parley.adsb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The table-driven parity and the decoder's address table against plain reference forms. Seeded. */
class HotPathTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void syndrome_randomFrames_sameAsChainedCrc(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] buffer = new byte[40];
        for (int n = 0; n < 20_000; n++) {
            random.nextBytes(buffer);
            int length = random.nextBoolean() ? 14 : 7;
            int offset = random.nextInt(buffer.length - length + 1);
            assertThat(Crc24.syndrome(buffer, offset, length))
                    .as("seed %d, frame %d", seed, n)
                    .isEqualTo(Crc24.chained(buffer, offset, length));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void addressTable_randomInsertsAndPrunes_sameAsHashMap(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        AddressTable table = new AddressTable();
        Map<Integer, Track> reference = new HashMap<>();
        long now = 0;
        for (int step = 0; step < 20_000; step++) {
            now += random.nextInt(50);
            // Few distinct addresses in one state block, as a real feed has, plus random ones.
            int address = random.nextInt(4) == 0 ? random.nextInt(1 << 24) : 0x406B00 + random.nextInt(600);
            Track t = table.getOrCreate(new IcaoAddress(address));
            t.lastMillis = now;
            reference.computeIfAbsent(address, a -> t);
            assertThat(reference.get(address)).as("seed %d", seed).isSameAs(t);
            if (random.nextInt(1000) == 0) {
                long cut = now;
                table.removeStale(now, 5_000);
                reference.values().removeIf(r -> cut - r.lastMillis > 5_000);
            }
            int probe = random.nextInt(1 << 24);
            assertThat(table.get(probe)).as("seed %d", seed).isSameAs(reference.get(probe));
        }
        assertThat(table.size()).isEqualTo(reference.size());
        assertThat(table.values()).containsExactlyInAnyOrderElementsOf(reference.values());
    }
}
