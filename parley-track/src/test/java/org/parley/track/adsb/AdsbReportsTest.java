package org.parley.track.adsb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parley.adsb.AdsbDecoder;
import org.parley.testing.Corpus;
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
}
