package org.parley.ais;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Message 27: position report for long-range applications (ITU-R M.1371-5 Annex 8 §3.27, Table 81).
 *
 * <pre>
 * 38 accuracy | 39 RAIM | 40-43 nav status | 44-61 lon 1/10' | 62-78 lat 1/10'
 * 79-84 SOG kn (63 n/a) | 85-93 COG ° (511 n/a) | 94 GNSS position latency | 95 spare
 * </pre>
 */
public record LongRangeReport(
        int repeat,
        int mmsi,
        boolean accuracy,
        boolean raim,
        int navigationStatusCode,
        int rawLongitude,
        int rawLatitude,
        int rawSpeed,
        int rawCourse,
        boolean gnssLatency)
        implements PositionReport {
    public LongRangeReport {
        Check.unsigned(repeat, 2, "repeat");
        Check.unsigned(mmsi, 30, "mmsi");
        Check.unsigned(navigationStatusCode, 4, "navigationStatusCode");
        Check.signed(rawLongitude, 18, "rawLongitude");
        Check.signed(rawLatitude, 17, "rawLatitude");
        Check.unsigned(rawSpeed, 6, "rawSpeed");
        Check.unsigned(rawCourse, 9, "rawCourse");
    }

    static LongRangeReport read(Bits b) {
        return new LongRangeReport(
                b.unsigned(6, 2),
                b.unsigned(8, 30),
                b.flag(38),
                b.flag(39),
                b.unsigned(40, 4),
                b.signed(44, 18),
                b.signed(62, 17),
                b.unsigned(79, 6),
                b.unsigned(85, 9),
                b.flag(94));
    }

    @Override
    public int messageType() {
        return 27;
    }

    @Override
    public OptionalDouble latitudeDegrees() {
        return Units.latitude(rawLatitude, Units.TENTH_MINUTE_SHORT);
    }

    @Override
    public OptionalDouble longitudeDegrees() {
        return Units.longitude(rawLongitude, Units.TENTH_MINUTE_SHORT);
    }

    @Override
    public OptionalDouble speedKnots() {
        return rawSpeed == 63 ? OptionalDouble.empty() : OptionalDouble.of(rawSpeed);
    }

    @Override
    public OptionalDouble courseDegrees() {
        return rawCourse >= 360 ? OptionalDouble.empty() : OptionalDouble.of(rawCourse);
    }

    @Override
    public OptionalInt headingDegrees() {
        return OptionalInt.empty();
    }

    @Override
    public Optional<NavigationStatus> navigationStatus() {
        return Optional.of(NavigationStatus.ofCode(navigationStatusCode));
    }
}
