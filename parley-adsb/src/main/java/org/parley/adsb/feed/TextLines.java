package org.parley.adsb.feed;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.parley.adsb.GeoPosition;
import org.parley.adsb.IcaoAddress;
import org.parley.adsb.ModeSFrame;

/** Line-oriented feeds: AVR raw hex and SBS-1 BaseStation. Lines end in LF or CRLF, ASCII. */
final class TextLines {
    private static final int MAX_LINE = 512;

    private TextLines() {}

    static void read(InputStream in, FeedFormat format, Consumer<FeedRecord> sink) throws IOException {
        byte[] buf = new byte[1 << 16];
        char[] line = new char[MAX_LINE];
        int len = 0;
        boolean overflow = false;
        int n;
        while ((n = in.read(buf)) > 0) {
            for (int i = 0; i < n; i++) {
                char c = (char) (buf[i] & 0xFF);
                if (c == '\n') {
                    emit(line, len, overflow, format, sink);
                    len = 0;
                    overflow = false;
                } else if (len < MAX_LINE) {
                    line[len++] = c;
                } else {
                    overflow = true;
                }
            }
        }
        emit(line, len, overflow, format, sink);
    }

    private static void emit(char[] line, int len, boolean overflow, FeedFormat format, Consumer<FeedRecord> sink) {
        if (overflow) {
            sink.accept(new FeedRecord.Rejected("line longer than " + MAX_LINE + " characters"));
            return;
        }
        String text = new String(line, 0, len).strip();
        if (text.isEmpty()) {
            return;
        }
        sink.accept(format == FeedFormat.SBS ? parseSbs(text) : parseAvr(text));
    }

    /**
     * AVR: {@code *HEX;} or {@code :HEX;}; {@code @} or {@code %} + 12 hex digits of 12 MHz
     * timestamp + HEX + {@code ;}; {@code <} + timestamp + 2 hex digits of signal + HEX + {@code ;}.
     */
    static FeedRecord parseAvr(String text) {
        if (text.length() < 3 || text.charAt(text.length() - 1) != ';') {
            return new FeedRecord.Rejected("AVR line must be *HEX; or @TIMESTAMPHEX;");
        }
        char lead = text.charAt(0);
        int end = text.length() - 1;
        int start;
        OptionalLong ts = OptionalLong.empty();
        OptionalInt signal = OptionalInt.empty();
        switch (lead) {
            case '*', ':' -> start = 1;
            case '@', '%', '<' -> {
                start = lead == '<' ? 15 : 13;
                if (end < start) {
                    return new FeedRecord.Rejected("AVR timestamped line too short");
                }
                long t = parseHexLong(text, 1, 13);
                if (t < 0) {
                    return new FeedRecord.Rejected("AVR timestamp is not 12 hex digits");
                }
                ts = OptionalLong.of(t);
                if (lead == '<') {
                    long s = parseHexLong(text, 13, 15);
                    if (s < 0) {
                        return new FeedRecord.Rejected("AVR signal level is not 2 hex digits");
                    }
                    signal = OptionalInt.of((int) s);
                }
            }
            default -> {
                return new FeedRecord.Rejected("AVR line starts with '" + lead + "', not * : @ % <");
            }
        }
        if (end - start == 4) {
            long code = parseHexLong(text, start, end);
            return code < 0 ? new FeedRecord.Rejected("Mode A/C reply is not hex") : new FeedRecord.ModeAc((int) code);
        }
        Optional<ModeSFrame> frame = ModeSFrame.parseHex(text.subSequence(start, end));
        if (frame.isEmpty()) {
            return new FeedRecord.Rejected("AVR payload is not 14 or 28 hex digits");
        }
        return new FeedRecord.Frame(frame.get(), ts, signal);
    }

    private static long parseHexLong(String s, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            v = (v << 4) | d;
        }
        return v;
    }

    /** SBS-1 {@code MSG} line: 22 comma-separated fields, field 5 the hex address. */
    static FeedRecord parseSbs(String text) {
        String[] f = text.split(",", -1);
        if (!f[0].equals("MSG")) {
            return new FeedRecord.Rejected("SBS record type " + abbreviate(f[0]) + " carries no aircraft data");
        }
        if (f.length < 22) {
            return new FeedRecord.Rejected("SBS MSG line has " + f.length + " fields, needs 22");
        }
        try {
            int type = Integer.parseInt(f[1]);
            if (type < 1 || type > 8) {
                return new FeedRecord.Rejected("SBS transmission type must be 1-8: " + type);
            }
            IcaoAddress address = IcaoAddress.parse(f[4].strip());
            Optional<GeoPosition> position = f[14].isBlank() || f[15].isBlank()
                    ? Optional.empty()
                    : Optional.of(new GeoPosition(Double.parseDouble(f[14]), Double.parseDouble(f[15])));
            return new FeedRecord.BaseStationReport(
                    type,
                    address,
                    f[10].isBlank() ? Optional.empty() : Optional.of(f[10].strip()),
                    f[11].isBlank() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(f[11].strip())),
                    optionalDouble(f[12]),
                    optionalDouble(f[13]),
                    position,
                    f[16].isBlank() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(f[16].strip())),
                    f[17].isBlank() ? Optional.empty() : Optional.of(f[17].strip()),
                    f[21].isBlank()
                            ? Optional.empty()
                            : Optional.of(!f[21].strip().equals("0")));
        } catch (IllegalArgumentException e) {
            return new FeedRecord.Rejected("SBS MSG line has a malformed field: " + e.getMessage());
        }
    }

    private static OptionalDouble optionalDouble(String s) {
        return s.isBlank() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(s.strip()));
    }

    private static String abbreviate(String s) {
        return s.length() <= 12 ? s : s.substring(0, 12) + "…";
    }
}
