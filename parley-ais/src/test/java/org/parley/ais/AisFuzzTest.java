package org.parley.ais;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.parley.testing.Corpus;
import org.parley.testing.Generators;
import org.parley.testing.SeededTest;

/**
 * No line, however broken, makes the decoder throw or hang, and the byte-range entry the CLI uses
 * answers every mutated line as the text entry does. Each try mutates a batch of real sentences
 * (from several corpora) from a seed of its own ({@link SeededTest}): 10,000 tries × 100 lines = 1,000,000 mutated
 * sentences per run; {@code -Pfuzz-nightly} ({@code -Dparley.fuzz.batch=1000}) gives 10,000,000.
 * Coverage-guided fuzzing of the same entries is {@link AisDecoderFuzzTargetTest}.
 */
class AisFuzzTest {
    private static final int TRIES = 10_000;
    private static final int BATCH = Integer.getInteger("parley.fuzz.batch", 100);
    private static final AtomicLong MUTATED = new AtomicLong();
    private static final List<String> SEEDS = seeds();
    private static final String ALPHABET =
            "!$\\*,:-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ`abcdefghijklmnopqrstuvw@ \t\u00ff";

    private final AisDecoder decoder = AisDecoder.create();
    private final AisDecoder bytesDecoder = AisDecoder.create();

    private static List<String> seeds() {
        List<String> lines = new ArrayList<>();
        for (String file : List.of(
                "ais/gpsd_sample.aivdm",
                "ais/dma_small_cb_example.txt",
                "ais/pyais_mixed.txt",
                "ais/amsa_exact-earth-augmented-2.txt",
                "ais/libais_tagblock.nmea")) {
            lines.addAll(
                    Corpus.lines(file).stream().filter(l -> !l.startsWith("#")).toList());
        }
        return lines;
    }

    @SeededTest(tries = TRIES)
    void decode_mutatedRealSentences_neverThrows(SplittableRandom random) {
        long start = System.nanoTime();
        for (int i = 0; i < BATCH; i++) {
            String line = mutate(SEEDS.get(random.nextInt(SEEDS.size())), random);
            AisResult result = decoder.decode(line);
            assertThat(result).isNotNull();
            byte[] bytes = line.getBytes(StandardCharsets.ISO_8859_1); // the alphabet is Latin-1
            assertThat(bytesDecoder.decode(bytes, 0, bytes.length)).as(line).isEqualTo(result);
        }
        MUTATED.addAndGet(BATCH);
        assertThat(System.nanoTime() - start).as("batch time (ns)").isLessThan(5_000_000_000L);
        // The decoder's safety net must stay unused: a record refusing a decoded value is a bug.
        assertThat(decoder.rejectCounts()).doesNotContainKey(RejectReason.INVALID_FIELD);
    }

    /** The run decoded as many mutated sentences as promised (1,000,000, or 10,000,000 nightly). */
    @AfterAll
    static void afterAll_allTriesRan_decodedTriesTimesBatchSentences() {
        if (MUTATED.get() > 0) { // zero when a filter ran only the other properties
            assertThat(MUTATED.get()).isEqualTo((long) TRIES * BATCH);
        }
    }

    @SeededTest(tries = 2_000)
    void decode_arbitraryText_neverThrows(SplittableRandom random) {
        String line = Generators.text(random, 200, false);
        assertThat(decoder.decode(line)).isNotNull();
        assertThat(decoder.decode("!AIVDM,1,1,,A," + line)).isNotNull();
    }

    /** Flips, inserts, deletes and truncates characters, and recomputes the checksum half the time. */
    static String mutate(String line, SplittableRandom random) {
        StringBuilder sb = new StringBuilder(line);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && sb.length() > 0; e++) {
            int at = random.nextInt(sb.length());
            char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            switch (random.nextInt(4)) {
                case 0 -> sb.setCharAt(at, c);
                case 1 -> sb.insert(at, c);
                case 2 -> sb.deleteCharAt(at);
                default -> sb.setLength(at);
            }
        }
        if (random.nextBoolean()) {
            fixChecksum(sb);
        }
        return sb.toString();
    }

    private static void fixChecksum(StringBuilder sb) {
        int bang = sb.indexOf("!");
        int star = bang < 0 ? -1 : sb.indexOf("*", bang);
        if (star < 0 || star + 3 > sb.length()) {
            return;
        }
        int sum = 0;
        for (int i = bang + 1; i < star; i++) {
            sum ^= sb.charAt(i);
        }
        String hex = String.format("%02X", sum & 0xff);
        sb.replace(star + 1, star + 3, hex);
    }
}
