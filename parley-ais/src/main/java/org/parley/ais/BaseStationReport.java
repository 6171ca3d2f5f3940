package org.parley.ais;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Messages 4 (base station report) and 11 (UTC/date response), ITU-R M.1371-5 Annex 8 §3.3, Table 46.
 *
 * <pre>
 * 38-51 year (0 n/a) | 52-55 month | 56-60 day | 61-65 hour (24 n/a) | 66-71 minute (60 n/a)
 * 72-77 second (60 n/a) | 78 accuracy | 79-106 lon | 107-133 lat | 134-137 EPFD | 138-147 spare
 * 148 RAIM | 149-167 radio
 * </pre>
 */
public record BaseStationReport(
        int messageType,
        int repeat,
        int mmsi,
        int year,
        int month,
        int day,
        int hour,
        int minute,
        int second,
        boolean accuracy,
        int rawLongitude,
        int rawLatitude,
        int epfd,
        boolean raim,
        int radio)
        implements AisMessage {
    public BaseStationReport {
        Check.messageType(messageType, 4, 11);
        Check.unsigned(repeat, 2, "repeat");
        Check.unsigned(mmsi, 30, "mmsi");
        Check.unsigned(year, 14, "year");
        Check.unsigned(month, 4, "month");
        Check.unsigned(day, 5, "day");
        Check.unsigned(hour, 5, "hour");
        Check.unsigned(minute, 6, "minute");
        Check.unsigned(second, 6, "second");
        Check.signed(rawLongitude, 28, "rawLongitude");
        Check.signed(rawLatitude, 27, "rawLatitude");
        Check.unsigned(epfd, 4, "epfd");
        Check.unsigned(radio, 19, "radio");
    }

    static BaseStationReport read(Bits b) {
        return new BaseStationReport(
                b.unsigned(0, 6),
                b.unsigned(6, 2),
                b.unsigned(8, 30),
                b.unsigned(38, 14),
                b.unsigned(52, 4),
                b.unsigned(56, 5),
                b.unsigned(61, 5),
                b.unsigned(66, 6),
                b.unsigned(72, 6),
                b.flag(78),
                b.signed(79, 28),
                b.signed(107, 27),
                b.unsigned(134, 4),
                b.flag(148),
                b.unsigned(149, 19));
    }

    /** The station's UTC time, empty when any part is "not available" or the date is impossible. */
    public Optional<Instant> utc() {
        try {
            return Optional.of(
                    LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    public OptionalDouble latitudeDegrees() {
        return Units.latitude(rawLatitude, Units.TENTH_MINUTE_DEGREES);
    }

    public OptionalDouble longitudeDegrees() {
        return Units.longitude(rawLongitude, Units.TENTH_MINUTE_DEGREES);
    }
}
