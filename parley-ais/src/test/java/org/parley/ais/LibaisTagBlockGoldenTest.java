package org.parley.ais;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.testing.Corpus;

/** libais's expected decodes of its NMEA 4.0 tag-block sample (test/data/tagblock.json). */
class LibaisTagBlockGoldenTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void decode_libaisTagBlockSample_matchesStationTimeAndFields() throws Exception {
        AisDecoder decoder = AisDecoder.create();
        List<AisResult.Decoded> decoded = new ArrayList<>();
        for (String line : Corpus.lines("ais/libais_tagblock.nmea")) {
            if (decoder.decode(line) instanceof AisResult.Decoded d) {
                decoded.add(d);
            }
        }
        List<String> expected = Corpus.lines("ais/libais_tagblock.json");

        assertThat(decoded).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            JsonNode e = MAPPER.readTree(expected.get(i));
            AisResult.Decoded d = decoded.get(i);
            assertThat(d.message().messageType()).isEqualTo(e.get("type").asInt());
            assertThat(d.message().mmsi()).isEqualTo(e.get("mmsi").asInt());
            assertThat(d.sourceStation()).isEqualTo(e.get("tagblock_station").asText());
            assertThat(d.time())
                    .contains(Instant.parse(e.get("tagblock_timestamp").asText()));
            if (d.message() instanceof ClassAPositionReport p) {
                // libais prints float32 values: compare to float precision.
                assertThat(p.longitudeDegrees().getAsDouble())
                        .isCloseTo(e.get("lon").asDouble(), within(1e-4));
                assertThat(p.latitudeDegrees().getAsDouble())
                        .isCloseTo(e.get("lat").asDouble(), within(1e-4));
                assertThat(p.speedKnots().getAsDouble())
                        .isCloseTo(e.get("speed").asDouble(), within(1e-4));
                assertThat(p.courseDegrees().getAsDouble())
                        .isCloseTo(e.get("course").asDouble(), within(1e-4));
                assertThat(p.headingDegrees().getAsInt())
                        .isEqualTo(e.get("heading").asInt());
                assertThat(p.navigationStatusCode()).isEqualTo(e.get("status").asInt());
                assertThat(p.timestampSecond()).isEqualTo(e.get("second").asInt());
            } else if (d.message() instanceof StaticVoyageData v) {
                assertThat(v.shipName()).isEqualTo(e.get("shipname").asText());
                assertThat(v.callsign()).isEqualTo(e.get("callsign").asText());
                assertThat(v.dimensions().toBowMetres())
                        .isEqualTo(e.get("to_bow").asInt());
                assertThat(v.dimensions().toSternMetres())
                        .isEqualTo(e.get("to_stern").asInt());
                assertThat(v.epfd()).isEqualTo(e.get("epfd").asInt());
                assertThat(v.dte()).isEqualTo(e.get("dte").asInt() == 1);
            }
        }
    }

    private static org.assertj.core.data.Offset<Double> within(double v) {
        return org.assertj.core.data.Offset.offset(v);
    }
}
