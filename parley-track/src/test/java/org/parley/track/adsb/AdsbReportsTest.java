package org.parley.track.adsb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.parley.adsb.AdsbDecoder;
import org.parley.adsb.GeoPosition;
import org.parley.adsb.IcaoAddress;
import org.parley.adsb.feed.AdsbFeed;
import org.parley.adsb.feed.FeedFormat;
import org.parley.adsb.feed.FeedRecord;
import org.parley.testing.Corpus;
import org.parley.track.AltitudeKind;
import org.parley.track.PositionReport;
import org.parley.track.RejectReason;
import org.parley.track.TrackTable;

class AdsbReportsTest {

    @Test
    void accept_pyModeSSample_positionsMatchDump1090AndFormOneCleanTrack() {
        List<String> lines = Corpus.lines("adsb/pymodes_sample_data_adsb.csv");
        List<String> peer = Corpus.lines("adsb/peer/pymodes_sample_data_adsb.csv.mutability.sbs");
        AdsbDecoder decoder = AdsbDecoder.create();
        AdsbReports adapter = new AdsbReports(decoder);
        TrackTable table = new TrackTable();
        int compared = 0;
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            Instant at = Instant.ofEpochSecond(Long.parseLong(f[0]));
            Optional<PositionReport> report = adapter.accept(decoder.decodeHex(f[1].replace("\"", ""), at));
            if (report.isEmpty()) {
                continue;
            }
            table.update(report.get());
            // dump1090-mutability's SBS line for the same input line: fields 15/16 are lat/lon.
            String[] sbs = peer.get(i).split(",", -1);
            if (sbs.length > 15 && !sbs[14].isEmpty()) {
                assertThat(report.get().latitudeDegrees()).isCloseTo(Double.parseDouble(sbs[14]), within(1e-4));
                assertThat(report.get().longitudeDegrees()).isCloseTo(Double.parseDouble(sbs[15]), within(1e-4));
                compared++;
            }
        }

        assertThat(adapter.positions()).isGreaterThan(800);
        assertThat(compared).isGreaterThan(800);
        assertThat(table.size()).isEqualTo(1);
        assertThat(table.rejectCounts()).doesNotContainKey(RejectReason.IMPLAUSIBLE_JUMP);
    }

    private static FeedRecord.BaseStationReport sbs(
            int type,
            OptionalInt altitude,
            OptionalDouble speed,
            OptionalDouble track,
            Optional<GeoPosition> at,
            OptionalInt climb) {
        return new FeedRecord.BaseStationReport(
                type,
                IcaoAddress.parse("4B1908"),
                Optional.empty(),
                altitude,
                speed,
                track,
                at,
                climb,
                Optional.empty(),
                Optional.of(false));
    }

    @Test
    void acceptBaseStation_velocityThenPosition_positionCompletedWithVelocity() {
        AdsbReports adapter = new AdsbReports(AdsbDecoder.create());
        Instant at = Instant.parse("2026-03-01T12:00:00Z");

        assertThat(adapter.accept(
                        sbs(
                                4,
                                OptionalInt.empty(),
                                OptionalDouble.of(450),
                                OptionalDouble.of(90),
                                Optional.empty(),
                                OptionalInt.of(-64)),
                        at))
                .isEmpty();
        PositionReport report = adapter.accept(
                        sbs(
                                3,
                                OptionalInt.of(2525),
                                OptionalDouble.empty(),
                                OptionalDouble.empty(),
                                Optional.of(new GeoPosition(33.96693, -118.25598)),
                                OptionalInt.empty()),
                        at)
                .orElseThrow();

        assertThat(report.target()).hasToString("ICAO 4B1908");
        assertThat(report.time()).isEqualTo(at);
        assertThat(report.latitudeDegrees()).isEqualTo(33.96693);
        assertThat(report.speedKnots()).hasValue(450);
        assertThat(report.courseDegrees()).hasValue(90);
        assertThat(report.verticalRateFeetPerMinute()).hasValue(-64);
        assertThat(report.altitude().orElseThrow().altitudeFeet()).isEqualTo(2525);
        assertThat(report.altitude().orElseThrow().kind()).isEqualTo(AltitudeKind.BAROMETRIC);
    }

    @Test
    void acceptBaseStation_nodeSbsCapture_oneReportPerAirbornePositionLine() throws Exception {
        List<String> lines = Corpus.lines("adsb/nodesbs1_msgs.txt");
        long positionLines = lines.stream()
                .map(l -> l.split(",", -1))
                .filter(f -> f.length >= 22 && f[1].equals("3") && !f[14].isBlank() && !f[15].isBlank())
                .count();
        AdsbReports adapter = new AdsbReports(AdsbDecoder.create());
        List<PositionReport> reports = new ArrayList<>();
        AdsbFeed.read(new ByteArrayInputStream(Corpus.bytes("adsb/nodesbs1_msgs.txt")), FeedFormat.SBS, r -> {
            if (r instanceof FeedRecord.BaseStationReport b) {
                adapter.accept(b, Instant.EPOCH).ifPresent(reports::add);
            }
        });

        assertThat(positionLines).isPositive();
        assertThat(reports).hasSize((int) positionLines);
        assertThat(adapter.positions()).isEqualTo(positionLines);
    }
}
