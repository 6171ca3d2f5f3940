package org.parley.track.ais;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.parley.ais.AisDecoder;
import org.parley.ais.AisMessage;
import org.parley.ais.AisResult;
import org.parley.ais.ClassAPositionReport;
import org.parley.ais.ClassBExtendedReport;
import org.parley.ais.ClassBPositionReport;
import org.parley.ais.SarAircraftReport;
import org.parley.ais.StaticDataReport;
import org.parley.ais.StaticVoyageData;
import org.parley.track.Altitude;
import org.parley.track.AltitudeKind;
import org.parley.track.PositionReport;
import org.parley.track.TargetId;
import org.parley.track.Transponder;

/**
 * Lines of an AIS feed to position reports: decodes with {@link AisDecoder}, remembers each MMSI's
 * ship type from static messages (types 5, 19, 24B), and dates each position by the receive time
 * the line carried (tag block, trailing epoch, $PGHP) or else by the feed's last {@code $xxZDA}
 * sentence (AMSA's network feed interleaves them). A position with neither is counted, not used.
 *
 * <p>Type 27 (long range, 1/10 minute resolution) is left out: too coarse for encounters.
 */
public final class AisReports {
    private static final double METRES_TO_FEET = 1 / 0.3048;

    private final AisDecoder decoder;
    /**
     * Ship types remembered, at most: some three times the ships that carry AIS worldwide, so that a
     * live feed inventing MMSIs cannot grow the map without bound (the first remembered go first).
     */
    static final int MAX_SHIP_TYPES = 1_000_000;

    private final Map<Integer, Integer> shipTypes = new LinkedHashMap<>(1024) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Integer> eldest) {
            return size() > MAX_SHIP_TYPES;
        }
    };
    private Optional<Instant> feedClock = Optional.empty();
    private long positions;
    private long undated;
    private long rejected;

    public AisReports(AisDecoder decoder) {
        this.decoder = decoder;
    }

    public static AisReports create() {
        return new AisReports(AisDecoder.create());
    }

    /** Offers one feed line; returns the position report it completed, if any. Never throws. */
    public Optional<PositionReport> offer(String line) {
        if (isZda(line)) {
            zda(line).ifPresent(t -> feedClock = Optional.of(t));
            return Optional.empty();
        }
        AisResult result = decoder.decode(line);
        return switch (result) {
            case AisResult.Decoded d -> decoded(d);
            case AisResult.Pending p -> Optional.empty();
            case AisResult.Rejected r -> {
                rejected++;
                yield Optional.empty();
            }
        };
    }

    /**
     * A live feed's line in {@code buffer[from, to)} (ISO 8859-1, no terminator): the position it
     * completes is dated {@code receivedAt}, whatever time the line carries, because a live watch
     * runs on the node's clock and a receiver's clock may be wrong. {@code rejects} is told the
     * reason of each line that is bad ({@link org.parley.ais.RejectReason} names, or {@code
     * INVALID_POSITION}); fragments and messages without a position are not rejects. Never throws.
     */
    public Optional<PositionReport> offerReceived(
            byte[] buffer, int from, int to, Instant receivedAt, Consumer<String> rejects) {
        return offerBytes(buffer, from, to, receivedAt, rejects);
    }

    /**
     * A recorded feed's line in {@code buffer[from, to)}, dated as {@link #offer(String)} dates it
     * (the line's own time, else the last ZDA); an undated position is told to {@code rejects} as
     * {@code UNDATED}. Otherwise as {@link #offerReceived}.
     */
    public Optional<PositionReport> offerDated(byte[] buffer, int from, int to, Consumer<String> rejects) {
        return offerBytes(buffer, from, to, null, rejects);
    }

    private Optional<PositionReport> offerBytes(
            byte[] buffer, int from, int to, @Nullable Instant receivedAt, Consumer<String> rejects) {
        if (isZda(buffer, from, to)) {
            zda(new String(buffer, from, to - from, StandardCharsets.ISO_8859_1))
                    .ifPresent(t -> feedClock = Optional.of(t));
            return Optional.empty();
        }
        AisResult result = decoder.decode(buffer, from, to);
        return switch (result) {
            case AisResult.Decoded d -> decoded(d, receivedAt, rejects);
            case AisResult.Pending p -> Optional.empty();
            case AisResult.Rejected r -> {
                rejected++;
                rejects.accept(r.reason().name());
                yield Optional.empty();
            }
        };
    }

    private static boolean isZda(byte[] b, int from, int to) {
        return to - from > 7
                && b[from] == '$'
                && b[from + 3] == 'Z'
                && b[from + 4] == 'D'
                && b[from + 5] == 'A'
                && b[from + 6] == ',';
    }

    private Optional<PositionReport> decoded(AisResult.Decoded d) {
        return decoded(d, null, reason -> {});
    }

    private Optional<PositionReport> decoded(
            AisResult.Decoded d, @Nullable Instant receivedAt, Consumer<String> rejects) {
        AisMessage m = d.message();
        remember(m);
        Optional<Instant> time =
                receivedAt != null ? Optional.of(receivedAt) : d.time().or(() -> feedClock);
        if (!(m instanceof org.parley.ais.PositionReport p) || m.messageType() == 27) {
            return Optional.empty();
        }
        if (p.latitudeDegrees().isEmpty() || p.longitudeDegrees().isEmpty()) {
            return Optional.empty();
        }
        if (time.isEmpty()) {
            undated++;
            rejects.accept("UNDATED");
            return Optional.empty();
        }
        if (receivedAt == null) {
            feedClock = time;
        }
        try {
            PositionReport.Builder b = PositionReport.builder(
                            new TargetId.Mmsi(m.mmsi()),
                            time.get(),
                            p.latitudeDegrees().getAsDouble(),
                            p.longitudeDegrees().getAsDouble())
                    .transponder(transponder(m));
            p.speedKnots().ifPresent(b::speedKnots);
            p.courseDegrees().ifPresent(c -> b.courseDegrees(c >= 360 ? 0 : c));
            p.headingDegrees().ifPresent(h -> b.headingDegrees(h));
            p.navigationStatus().ifPresent(s -> b.navigationStatus(s.code()));
            Integer type = shipTypes.get(m.mmsi());
            if (type != null && type <= 99) {
                b.shipType(type);
            }
            if (m instanceof SarAircraftReport sar && sar.altitudeMetres().isPresent()) {
                b.altitude(new Altitude(sar.altitudeMetres().getAsInt() * METRES_TO_FEET, AltitudeKind.GEOMETRIC));
            }
            positions++;
            return Optional.of(b.build());
        } catch (IllegalArgumentException e) {
            rejected++; // a field outside the report's ranges (e.g. SOG 102.2 kn "fast") is not a position to track
            rejects.accept("INVALID_POSITION");
            return Optional.empty();
        }
    }

    private void remember(AisMessage m) {
        switch (m) {
            case StaticVoyageData s -> shipTypes.put(s.mmsi(), s.shipType());
            case ClassBExtendedReport s -> shipTypes.put(s.mmsi(), s.shipType());
            case StaticDataReport.PartB s -> shipTypes.put(s.mmsi(), s.shipType());
            default -> {}
        }
    }

    private static Transponder transponder(AisMessage m) {
        return switch (m) {
            case ClassAPositionReport a -> Transponder.AIS_CLASS_A;
            case ClassBPositionReport b -> b.carrierSense() ? Transponder.AIS_CLASS_B_CS : Transponder.AIS_CLASS_B_SO;
            case ClassBExtendedReport b -> Transponder.AIS_CLASS_B_SO;
            case SarAircraftReport s -> Transponder.AIS_SAR_AIRCRAFT;
            default -> Transponder.OTHER;
        };
    }

    private static boolean isZda(String line) {
        return line.length() > 7 && line.charAt(0) == '$' && line.startsWith("ZDA,", 3);
    }

    /** NMEA 0183 ZDA: hhmmss.ss,dd,mm,yyyy,zh,zm*cs. */
    static Optional<Instant> zda(String line) {
        String[] f = line.split("[,*]", -1);
        if (f.length < 5 || f[1].length() < 6) {
            return Optional.empty();
        }
        try {
            LocalTime time = LocalTime.of(
                    Integer.parseInt(f[1].substring(0, 2)),
                    Integer.parseInt(f[1].substring(2, 4)),
                    Integer.parseInt(f[1].substring(4, 6)));
            OptionalDouble fraction = f[1].length() > 7
                    ? OptionalDouble.of(Double.parseDouble("0" + f[1].substring(6)))
                    : OptionalDouble.empty();
            LocalDate date = LocalDate.of(Integer.parseInt(f[4]), Integer.parseInt(f[3]), Integer.parseInt(f[2]));
            Instant at = date.atTime(time).toInstant(ZoneOffset.UTC);
            return Optional.of(at.plusMillis(Math.round(fraction.orElse(0) * 1000)));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Position reports produced. */
    public long positions() {
        return positions;
    }

    /** Positions dropped because neither the line nor the feed gave a time. */
    public long undated() {
        return undated;
    }

    /** Lines the decoder rejected (other NMEA sentences, bad checksums, ...). */
    public long rejected() {
        return rejected;
    }
}
