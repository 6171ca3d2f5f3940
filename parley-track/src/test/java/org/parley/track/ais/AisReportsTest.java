package org.parley.track.ais;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parley.testing.Corpus;
import org.parley.track.PositionReport;
import org.parley.track.TargetId;
import org.parley.track.Transponder;

class AisReportsTest {

    private static List<PositionReport> reports(String file) {
        AisReports adapter = AisReports.create();
        List<PositionReport> out = new ArrayList<>();
        for (String line : Corpus.lines(file)) {
            adapter.offer(line).ifPresent(out::add);
        }
        return out;
    }

    @Test
    void offer_tagBlockTimestampedFeed_matchesGpsdecodePositionsAndTimes() throws Exception {
        List<PositionReport> ours = reports("ais/amsa_nmea-timestamped.txt");
        List<JsonNode> peer = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Corpus.lines("ais/peer/amsa_nmea-timestamped.txt.gpsdecode.json")) {
            JsonNode n = json.readTree(line);
            if (n.path("lat").asDouble() <= 90 && n.path("lon").asDouble() <= 180) {
                peer.add(n);
            }
        }

        // gpsdecode drops the channel-0 sentence the decoder keeps, so match by MMSI, in order.
        assertThat(ours).hasSizeGreaterThanOrEqualTo(peer.size());
        JsonNode first = peer.get(0);
        PositionReport match = ours.stream()
                .filter(r ->
                        r.target().equals(new TargetId.Mmsi(first.path("mmsi").asInt())))
                .findFirst()
                .orElseThrow();
        assertThat(match.latitudeDegrees()).isCloseTo(first.path("lat").asDouble(), within(1e-5));
        assertThat(match.longitudeDegrees()).isCloseTo(first.path("lon").asDouble(), within(1e-5));
        // Tag block c:1420030798 (2014-12-31T13:0x UTC) dates every position.
        assertThat(ours)
                .allSatisfy(r -> assertThat(r.time())
                        .isBetween(Instant.parse("2014-12-31T00:00:00Z"), Instant.parse("2015-01-01T00:00:00Z")));
        assertThat(match.transponder()).isEqualTo(Transponder.AIS_CLASS_A);
    }

    @Test
    void offer_amsaNetworkFeed_datesPositionsByZdaSentences() {
        List<PositionReport> ours = reports("ais/amsa_ais.part1.txt");

        // The file runs from $GPZDA 11:47:02 to 11:51:20 on 2012-01-27; a few lines carry their own
        // time ($PGHP sentences two hours behind), which the decoder reports and we keep.
        assertThat(ours).hasSizeGreaterThan(10_000);
        long inWindow = ours.stream()
                .filter(r -> !r.time().isBefore(Instant.parse("2012-01-27T11:47:00Z"))
                        && !r.time().isAfter(Instant.parse("2012-01-27T11:51:21Z")))
                .count();
        assertThat(inWindow).isGreaterThan(ours.size() * 99L / 100);
        assertThat(ours).anySatisfy(r -> assertThat(r.shipType()).isPresent());
    }

    @Test
    void zda_nmeaSentence_parsesDateAndTime() {
        assertThat(AisReports.zda("$GPZDA,114702.51,27,01,2012,,*66"))
                .hasValue(Instant.parse("2012-01-27T11:47:02.510Z"));
        assertThat(AisReports.zda("$GPZDA,garbage")).isEqualTo(Optional.empty());
    }

    @Test
    void offer_undatedFeed_countsPositionsWithoutTime() {
        AisReports adapter = AisReports.create();
        Corpus.lines("ais/dma_ais250.txt").forEach(adapter::offer);

        assertThat(adapter.positions()).isZero();
        assertThat(adapter.undated()).isPositive();
    }
}
