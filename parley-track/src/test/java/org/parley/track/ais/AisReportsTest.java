package org.parley.track.ais;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
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

    private static byte[] ascii(String line) {
        return line.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void offerDated_bytesOfAmsaFeed_sameReportsAsOfferString() {
        AisReports bytes = AisReports.create();
        List<PositionReport> viaBytes = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (String line : Corpus.lines("ais/amsa_ais.part1.txt")) {
            byte[] b = ascii(line);
            bytes.offerDated(b, 0, b.length, reasons::add).ifPresent(viaBytes::add);
        }

        // The ZDA sentences are read from bytes too: same positions, same times.
        assertThat(viaBytes).isEqualTo(reports("ais/amsa_ais.part1.txt"));
        assertThat(reasons).isNotEmpty().allSatisfy(r -> assertThat(r).isNotBlank());
    }

    @Test
    void offerReceived_tagBlockTimes_datedByReceiveInstantInstead() {
        Instant received = Instant.parse("2026-03-01T12:00:00Z");
        AisReports adapter = AisReports.create();
        List<PositionReport> live = new ArrayList<>();
        for (String line : Corpus.lines("ais/amsa_nmea-timestamped.txt")) {
            byte[] b = ascii(line);
            adapter.offerReceived(b, 0, b.length, received, r -> {}).ifPresent(live::add);
        }

        List<PositionReport> recorded = reports("ais/amsa_nmea-timestamped.txt");
        assertThat(live)
                .hasSameSizeAs(recorded)
                .allSatisfy(r -> assertThat(r.time()).isEqualTo(received));
        assertThat(live.get(0).withTime(recorded.get(0).time())).isEqualTo(recorded.get(0));
    }

    @Test
    void offerReceived_undatedFeed_datesEveryPosition() {
        AisReports adapter = AisReports.create();
        List<PositionReport> live = new ArrayList<>();
        for (String line : Corpus.lines("ais/dma_ais250.txt")) {
            byte[] b = ascii(line);
            adapter.offerReceived(b, 0, b.length, Instant.EPOCH, r -> {}).ifPresent(live::add);
        }

        assertThat(live).isNotEmpty();
        assertThat(adapter.undated()).isZero();
    }

    @Test
    void offerReceived_badLines_toldTheirReasons() {
        AisReports adapter = AisReports.create();
        List<String> reasons = new ArrayList<>();
        for (String line : List.of(
                "!AIVDM,1,1,,A,13u?etPv2;0n:dDPwUM1U1Cb069D,0*00", // checksum altered
                "$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47",
                "!AIVDM,1,1,,A,1,0*51")) {
            byte[] b = ascii(line);
            assertThat(adapter.offerReceived(b, 0, b.length, Instant.EPOCH, reasons::add))
                    .isEmpty();
        }

        assertThat(reasons).hasSize(3).startsWith("BAD_CHECKSUM", "NOT_AIS");
    }
}
