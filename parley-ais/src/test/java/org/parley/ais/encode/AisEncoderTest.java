package org.parley.ais.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.parley.ais.AisDecoder;
import org.parley.ais.AisMessage;
import org.parley.ais.AisResult;
import org.parley.ais.ClassAPositionReport;
import org.parley.ais.ClassBExtendedReport;
import org.parley.ais.ClassBPositionReport;
import org.parley.ais.ShipDimensions;
import org.parley.ais.StaticDataReport;
import org.parley.ais.StaticVoyageData;
import org.parley.ais.UtcInquiry;
import org.parley.testing.Corpus;
import org.parley.testing.SeededTest;

/** encode → decode gives back the same record, for random valid records of every encoded type. */
class AisEncoderTest {
    private static final String SIXBIT = " !\"#$%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_";

    @SeededTest(tries = 2_000)
    void encode_thenDecode_returnsSameRecord(SplittableRandom r) {
        for (AisMessage original : List.of(classA(r), voyage(r), classB(r), classBExtended(r), partA(r))) {
            assertThat(roundTrip(original)).isEqualTo(original);
        }
        StaticDataReport.PartB b = partB(r);
        StaticDataReport.PartB back = (StaticDataReport.PartB) roundTrip(b);
        assertThat(back.vendorId()).isEqualTo(b.vendorId());
        assertThat(back.callsign()).isEqualTo(b.callsign());
        assertThat(back.shipType()).isEqualTo(b.shipType());
        assertThat(back.dimensions()).isEqualTo(b.dimensions());
        assertThat(back.mothershipMmsi()).isEqualTo(b.mothershipMmsi());
    }

    @Test
    void encode_realPositionReports_reproduceTheirPayloads() {
        // Real single-sentence type 1/3/18 reports (pyais_nmea_data_sample.txt): decode, re-encode,
        // and the 168 payload bits must come back unchanged (spare bits there are 0).
        AisDecoder decoder = AisDecoder.create();
        int checked = 0;
        for (String line : Corpus.lines("ais/pyais_nmea_data_sample.txt")) {
            if (decoder.decode(line) instanceof AisResult.Decoded d
                    && (d.message() instanceof ClassAPositionReport || d.message() instanceof ClassBPositionReport)
                    && field(line, 1).equals("1")) {
                String again = AisEncoder.encode(d.message(), 'A', 0).get(0);
                assertThat(field(again, 5)).as(line).isEqualTo(field(line, 5));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(500);
    }

    @Test
    void encode_unsupportedType_throws() {
        assertThatThrownBy(() -> AisEncoder.encode(new UtcInquiry(0, 1, 2), 'A', 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String field(String sentence, int index) {
        return java.util.Arrays.asList(sentence.split(",", -1)).get(index);
    }

    private static AisMessage roundTrip(AisMessage original) {
        AisDecoder decoder = AisDecoder.create();
        List<AisResult> results = new ArrayList<>();
        for (String sentence : AisEncoder.encode(original, 'B', 3)) {
            results.add(decoder.decode(sentence));
        }
        AisResult last = results.get(results.size() - 1);
        assertThat(last).isInstanceOf(AisResult.Decoded.class);
        return ((AisResult.Decoded) last).message();
    }

    private static ClassAPositionReport classA(SplittableRandom r) {
        return new ClassAPositionReport(
                1 + r.nextInt(3),
                r.nextInt(4),
                r.nextInt(1 << 30),
                r.nextInt(16),
                r.nextInt(-128, 128),
                r.nextInt(1024),
                r.nextBoolean(),
                r.nextInt(-(1 << 27), 1 << 27),
                r.nextInt(-(1 << 26), 1 << 26),
                r.nextInt(4096),
                r.nextInt(512),
                r.nextInt(64),
                r.nextInt(4),
                r.nextInt(8),
                r.nextBoolean(),
                r.nextInt(1 << 19));
    }

    private static StaticVoyageData voyage(SplittableRandom r) {
        return new StaticVoyageData(
                r.nextInt(4),
                r.nextInt(1 << 30),
                r.nextInt(4),
                r.nextInt(1 << 30),
                text(r, 7),
                text(r, 20),
                r.nextInt(256),
                dimensions(r),
                r.nextInt(16),
                r.nextInt(16),
                r.nextInt(32),
                r.nextInt(32),
                r.nextInt(64),
                r.nextInt(256),
                text(r, 20),
                r.nextBoolean());
    }

    private static ClassBPositionReport classB(SplittableRandom r) {
        return new ClassBPositionReport(
                r.nextInt(4),
                r.nextInt(1 << 30),
                r.nextInt(256),
                r.nextInt(1024),
                r.nextBoolean(),
                r.nextInt(-(1 << 27), 1 << 27),
                r.nextInt(-(1 << 26), 1 << 26),
                r.nextInt(4096),
                r.nextInt(512),
                r.nextInt(64),
                r.nextInt(4),
                r.nextBoolean(),
                r.nextBoolean(),
                r.nextBoolean(),
                r.nextBoolean(),
                r.nextBoolean(),
                r.nextBoolean(),
                r.nextBoolean(),
                r.nextInt(1 << 20));
    }

    private static ClassBExtendedReport classBExtended(SplittableRandom r) {
        return new ClassBExtendedReport(
                r.nextInt(4),
                r.nextInt(1 << 30),
                r.nextInt(256),
                r.nextInt(1024),
                r.nextBoolean(),
                r.nextInt(-(1 << 27), 1 << 27),
                r.nextInt(-(1 << 26), 1 << 26),
                r.nextInt(4096),
                r.nextInt(512),
                r.nextInt(64),
                r.nextInt(16),
                text(r, 20),
                r.nextInt(256),
                dimensions(r),
                r.nextInt(16),
                r.nextBoolean(),
                r.nextBoolean(),
                r.nextBoolean());
    }

    private static StaticDataReport.PartA partA(SplittableRandom r) {
        return new StaticDataReport.PartA(r.nextInt(4), r.nextInt(1 << 30), text(r, 20));
    }

    private static StaticDataReport.PartB partB(SplittableRandom r) {
        boolean auxiliary = r.nextBoolean();
        int mmsi = auxiliary ? 980_000_000 + r.nextInt(10_000_000) : r.nextInt(1 << 30);
        if (!auxiliary && mmsi / 10_000_000 == 98) {
            mmsi = 1;
        }
        return new StaticDataReport.PartB(
                r.nextInt(4),
                mmsi,
                r.nextInt(256),
                text(r, 7),
                0,
                0,
                text(r, 7),
                auxiliary ? new ShipDimensions(0, 0, 0, 0) : dimensions(r),
                auxiliary ? r.nextInt(1 << 30) : 0);
    }

    private static ShipDimensions dimensions(SplittableRandom r) {
        return new ShipDimensions(r.nextInt(512), r.nextInt(512), r.nextInt(64), r.nextInt(64));
    }

    /** Six-bit text as the decoder returns it: no '@', no trailing spaces. */
    private static String text(SplittableRandom r, int maxChars) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(maxChars + 1);
        for (int i = 0; i < n; i++) {
            sb.append(SIXBIT.charAt(r.nextInt(SIXBIT.length())));
        }
        return sb.toString().stripTrailing();
    }
}
