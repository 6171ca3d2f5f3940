package org.parley.adsb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.parley.testing.Corpus;

/**
 * Every field of all 600 entries of pyModeS 2.21.1's golden decodes (shared/data/adsb, see
 * SOURCES.md), numbers within the precision the file prints them with.
 */
class PyModeSGoldenTest {
    private static final Instant T0 = Instant.parse("2017-05-21T08:00:00Z");

    @Test
    void decodeHex_allGoldenEntries_matchEveryField() throws IOException {
        JsonNode golden = new ObjectMapper()
                .readTree(Corpus.file("adsb/pymodes_golden_v2.json").toFile());
        AdsbDecoder decoder =
                AdsbDecoder.builder().acceptUnconfirmedAddresses(true).build();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = golden.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            AdsbResult result = decoder.decodeHex(entry.getKey(), T0);
            Map<String, Object> ours = result instanceof AdsbResult.Decoded d ? GoldenFields.of(d.message()) : Map.of();
            String mismatch = compare(entry.getValue(), ours);
            if (!mismatch.isEmpty()) {
                failures.add(entry.getKey() + ": " + mismatch);
            }
            checked++;
        }
        assertThat(checked).isEqualTo(600);
        assertThat(failures).as("entries that differ from pyModeS").isEmpty();
    }

    private static String compare(JsonNode expected, Map<String, Object> ours) {
        Map<String, String> problems = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            Object mine = ours.get(field.getKey());
            if (mine == null) {
                problems.put(field.getKey(), "missing, expected " + field.getValue());
            } else if (!same(field.getValue(), mine)) {
                problems.put(field.getKey(), mine + " != " + field.getValue());
            }
        }
        for (String key : ours.keySet()) {
            if (!expected.has(key)) {
                problems.put(key, "extra " + ours.get(key));
            }
        }
        return problems.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining("; "));
    }

    private static boolean same(JsonNode expected, Object mine) {
        if (expected.isNumber() && mine instanceof Number n) {
            BigDecimal printed = expected.decimalValue();
            double halfUnit = 0.5 * Math.pow(10, -Math.max(printed.scale(), 0));
            double tolerance = Math.max(halfUnit, 1e-9 * Math.abs(printed.doubleValue()));
            return Math.abs(n.doubleValue() - printed.doubleValue()) <= tolerance;
        }
        if (expected.isTextual()) {
            String e = expected.asText().replace('_', ' ').strip();
            return e.equalsIgnoreCase(mine.toString().strip());
        }
        return false;
    }
}
