package org.parley.flink;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.parley.adsb.AdsbEncoder;
import org.parley.adsb.IcaoAddress;
import org.parley.ais.ClassAPositionReport;
import org.parley.ais.encode.AisEncoder;
import org.parley.track.PositionReport;
import org.parley.track.TargetId;
import org.parley.track.csv.CsvLine;
import org.parley.track.csv.ReportCsv;

/**
 * Feeds as receivers send them, for the Kafka topics: ships as AIS message 1 in {@code !AIVDM}
 * sentences behind a tag block with the receive time, aircraft as DF17 velocity and position
 * squitters in Beast frames; and a recorded feed re-dated (its {@code $xxZDA} clock moved).
 */
final class Transmitters {
    private Transmitters() {}

    /** A frame and its receive time (the Kafka record timestamp); the bytes are never changed. */
    @SuppressWarnings("ArrayRecordComponent")
    record Frame(byte[] bytes, long receivedMillis) {}

    static List<PositionReport> parse(List<String> csv, Duration shift) {
        List<PositionReport> out = new ArrayList<>();
        long n = 0;
        for (String line : csv) {
            if (ReportCsv.parse(line, ++n) instanceof CsvLine.Report r) {
                out.add(shifted(r.report(), shift));
            }
        }
        return out;
    }

    private static PositionReport shifted(PositionReport r, Duration shift) {
        // Through the CSV form, which keeps every field, with only the time changed.
        String line = ReportCsv.format(r);
        String moved = r.time().plus(shift) + line.substring(line.indexOf(','));
        return ((CsvLine.Report) ReportCsv.parse(moved, 1)).report();
    }

    /** AIS sentences with a tag block c: (UNIX seconds, §7.9.4), as a networked receiver sends them. */
    static List<String> ais(List<PositionReport> reports) {
        List<String> out = new ArrayList<>();
        for (PositionReport r : reports) {
            TargetId.Mmsi mmsi = (TargetId.Mmsi) r.target();
            // ITU-R M.1371-5 Table 45 units: 1/10 kn, 1/10000 minute, 1/10 degree.
            ClassAPositionReport m = new ClassAPositionReport(
                    1,
                    0,
                    mmsi.value(),
                    r.navigationStatus().orElse(15),
                    -128,
                    (int) Math.round(r.speedKnots().orElseThrow() * 10),
                    false,
                    (int) Math.round(r.longitudeDegrees() * 600_000),
                    (int) Math.round(r.latitudeDegrees() * 600_000),
                    (int) Math.round(r.courseDegrees().orElseThrow() * 10) % 3600,
                    511,
                    r.time().atZone(ZoneOffset.UTC).getSecond(),
                    0,
                    0,
                    false,
                    0);
            String tag = "c:" + r.time().getEpochSecond();
            for (String sentence : AisEncoder.encode(m, 'A', 0)) {
                out.add("\\" + tag + "*" + checksum(tag) + "\\" + sentence);
            }
        }
        return out;
    }

    /** Each report as an airborne velocity then an airborne position squitter (even and odd CPR in turn). */
    static List<Frame> beast(List<PositionReport> reports) {
        List<Frame> out = new ArrayList<>();
        java.util.Map<TargetId, Boolean> odd = new java.util.HashMap<>();
        for (PositionReport r : reports) {
            IcaoAddress address = new IcaoAddress(((TargetId.IcaoAddress) r.target()).value());
            long at = r.time().toEpochMilli();
            out.add(new Frame(
                    frame(AdsbEncoder.airborneVelocity(
                            address,
                            r.speedKnots().orElseThrow(),
                            r.courseDegrees().orElseThrow(),
                            r.verticalRateFeetPerMinute().orElse(0))),
                    at));
            boolean isOdd = odd.merge(r.target(), false, (was, ignored) -> !was);
            out.add(new Frame(
                    frame(AdsbEncoder.airbornePosition(
                            address,
                            11,
                            r.latitudeDegrees(),
                            r.longitudeDegrees(),
                            r.altitude().orElseThrow().altitudeFeet(),
                            isOdd)),
                    at));
        }
        return out;
    }

    /** A Beast frame: 0x1a, type '3' (112-bit Mode S), 6-byte counter, signal, message; 0x1a doubled. */
    private static byte[] frame(String hex) {
        byte[] message = HexFormat.of().parseHex(hex);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(0x1a);
        out.write('3');
        byte[] body = new byte[7 + message.length];
        body[6] = (byte) 0x80;
        System.arraycopy(message, 0, body, 7, message.length);
        for (byte b : body) {
            out.write(b);
            if (b == 0x1a) {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static final DateTimeFormatter ZDA_TIME = DateTimeFormatter.ofPattern("HHmmss.SS", Locale.ROOT);

    /** A recorded feed with its $xxZDA clock moved by {@code shift}; other lines as they were. */
    static List<String> redated(List<String> lines, Duration shift) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("$") && line.length() > 6 && line.startsWith("ZDA,", 3)) {
                String[] f = line.substring(1, line.indexOf('*')).split(",", -1);
                LocalDateTime t = LocalDateTime.of(
                                Integer.parseInt(f[4]), Integer.parseInt(f[3]), Integer.parseInt(f[2]), 0, 0)
                        .plusNanos((long) (Double.parseDouble(f[1].substring(4)) * 1e9))
                        .plusMinutes(Integer.parseInt(f[1].substring(2, 4)))
                        .plusHours(Integer.parseInt(f[1].substring(0, 2)))
                        .plus(shift);
                f[1] = t.format(ZDA_TIME);
                f[2] = String.format(Locale.ROOT, "%02d", t.getDayOfMonth());
                f[3] = String.format(Locale.ROOT, "%02d", t.getMonthValue());
                f[4] = String.format(Locale.ROOT, "%04d", t.getYear());
                String body = String.join(",", f);
                out.add("$" + body + "*" + checksum(body));
            } else {
                out.add(line);
            }
        }
        return out;
    }

    /** The first $xxZDA time of a feed. */
    static Instant firstClock(List<String> lines) {
        for (String line : lines) {
            if (line.startsWith("$") && line.startsWith("ZDA,", 3)) {
                String[] f = line.substring(1, line.indexOf('*')).split(",", -1);
                return LocalDateTime.of(
                                Integer.parseInt(f[4]),
                                Integer.parseInt(f[3]),
                                Integer.parseInt(f[2]),
                                Integer.parseInt(f[1].substring(0, 2)),
                                Integer.parseInt(f[1].substring(2, 4)),
                                Integer.parseInt(f[1].substring(4, 6)))
                        .toInstant(ZoneOffset.UTC);
            }
        }
        throw new IllegalArgumentException("no ZDA sentence");
    }

    private static String checksum(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum ^= body.charAt(i);
        }
        return String.format(Locale.ROOT, "%02X", sum);
    }
}
