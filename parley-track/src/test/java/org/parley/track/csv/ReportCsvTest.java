package org.parley.track.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parley.track.PositionReport;
import org.parley.track.TargetId;
import org.parley.track.Transponder;

class ReportCsvTest {

    @Test
    void parse_shipLine_returnsReportWithOptionalFields() {
        CsvLine line = ReportCsv.parse("2023-06-03T10:00:00Z,MMSI:369970093,24.5,119.5,15,30,,,,0,35,AIS_CLASS_A", 2);

        assertThat(line).isInstanceOfSatisfying(CsvLine.Report.class, r -> {
            PositionReport p = r.report();
            assertThat(p.target()).isEqualTo(new TargetId.Mmsi(369970093));
            assertThat(p.speedKnots()).hasValue(15);
            assertThat(p.headingDegrees()).isEmpty();
            assertThat(p.navigationStatus()).hasValue(0);
            assertThat(p.transponder()).isEqualTo(Transponder.AIS_CLASS_A);
        });
    }

    @Test
    void parse_aircraftLine_roundTripsThroughFormat() {
        String text = "2023-05-26T02:00:00Z,ICAO:AE01CE,16.1000000,113.2000000,300.00,45.00,,26000,-500,,,ADSB";

        CsvLine line = ReportCsv.parse(text, 1);

        assertThat(line).isInstanceOf(CsvLine.Report.class);
        assertThat(ReportCsv.format(((CsvLine.Report) line).report())).isEqualTo(text);
    }

    @Test
    void parse_headerCommentAndBlank_areSkipped() {
        assertThat(ReportCsv.parse(ReportCsv.HEADER, 1)).isInstanceOf(CsvLine.Skipped.class);
        assertThat(ReportCsv.parse("# scenario a", 2)).isInstanceOf(CsvLine.Skipped.class);
        assertThat(ReportCsv.parse("   ", 3)).isInstanceOf(CsvLine.Skipped.class);
    }

    @Test
    void parse_badLines_rejectedWithReasonNotThrown() {
        assertThat(ReportCsv.parse("2023-06-03T10:00:00Z,MMSI:1,95,0,,,,,,,,", 7))
                .isInstanceOfSatisfying(CsvLine.Rejected.class, r -> {
                    assertThat(r.lineNumber()).isEqualTo(7);
                    assertThat(r.reason()).contains("latitudeDegrees");
                });
        assertThat(ReportCsv.parse("yesterday,MMSI:1,0,0,,,,,,,,", 8))
                .isInstanceOfSatisfying(
                        CsvLine.Rejected.class, r -> assertThat(r.reason()).contains("ISO-8601"));
        assertThat(ReportCsv.parse("2023-06-03T10:00:00Z,SHIP:1,0,0,,,,,,,,", 9))
                .isInstanceOfSatisfying(
                        CsvLine.Rejected.class, r -> assertThat(r.reason()).contains("MMSI:"));
        assertThat(ReportCsv.parse("1,2,3", 10)).isInstanceOf(CsvLine.Rejected.class);
        assertThat(ReportCsv.parse("2023-06-03T10:00:00Z,MMSI:1,0,0,x,,,,,,,", 11))
                .isInstanceOf(CsvLine.Rejected.class);
    }
}
