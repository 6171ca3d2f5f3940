package org.parley.ais;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Messages 1, 2, 3: Class A position report (ITU-R M.1371-5 Annex 8 §3.1, Table 45).
 *
 * <pre>
 * bits  0-5 type | 6-7 repeat | 8-37 MMSI | 38-41 nav status | 42-49 ROT (signed)
 * 50-59 SOG 0.1kn | 60 accuracy | 61-88 lon 1/10000' | 89-115 lat 1/10000'
 * 116-127 COG 0.1° | 128-136 heading | 137-142 UTC second | 143-144 manoeuvre
 * 145-147 spare | 148 RAIM | 149-167 radio status
 * </pre>
 *
 * @param rawTurn rate of turn code: 0..±126 = ±(ROT/4.733)², ±127 = turning fast, -128 = not available
 * @param rawSpeed speed over ground in 1/10 knot, 1023 = not available
 * @param rawLongitude longitude in 1/10000 minute, 181° = not available
 * @param rawLatitude latitude in 1/10000 minute, 91° = not available
 * @param rawCourse course over ground in 1/10 degree, 3600 = not available
 * @param rawHeading true heading in degrees, 511 = not available
 * @param timestampSecond UTC second of the fix, 60..63 = not available / manual / dead reckoning / inoperative
 */
public record ClassAPositionReport(
        int messageType,
        int repeat,
        int mmsi,
        int navigationStatusCode,
        int rawTurn,
        int rawSpeed,
        boolean accuracy,
        int rawLongitude,
        int rawLatitude,
        int rawCourse,
        int rawHeading,
        int timestampSecond,
        int manoeuvre,
        int spare,
        boolean raim,
        int radio)
        implements TenthMinuteKinematics {
    public ClassAPositionReport {
        Check.messageType(messageType, 1, 2, 3);
        Check.unsigned(repeat, 2, "repeat");
        Check.unsigned(mmsi, 30, "mmsi");
        Check.unsigned(navigationStatusCode, 4, "navigationStatusCode");
        Check.signed(rawTurn, 8, "rawTurn");
        TenthMinuteKinematics.check(rawSpeed, rawLongitude, rawLatitude, rawCourse);
        Check.unsigned(rawHeading, 9, "rawHeading");
        Check.unsigned(timestampSecond, 6, "timestampSecond");
        Check.unsigned(manoeuvre, 2, "manoeuvre");
        Check.unsigned(spare, 3, "spare");
        Check.unsigned(radio, 19, "radio");
    }

    static ClassAPositionReport read(Bits b) {
        int radioBits = Math.min(19, Math.max(1, b.length() - 149));
        return new ClassAPositionReport(
                b.unsigned(0, 6),
                b.unsigned(6, 2),
                b.unsigned(8, 30),
                b.unsigned(38, 4),
                b.signed(42, 8),
                b.unsigned(50, 10),
                b.flag(60),
                b.signed(61, 28),
                b.signed(89, 27),
                b.unsigned(116, 12),
                b.unsigned(128, 9),
                b.unsigned(137, 6),
                b.unsigned(143, 2),
                b.unsigned(145, 3),
                b.flag(148),
                b.length() >= 168 ? b.unsigned(149, 19) : b.unsigned(149, radioBits));
    }

    @Override
    public OptionalInt headingDegrees() {
        return Units.heading(rawHeading);
    }

    @Override
    public Optional<NavigationStatus> navigationStatus() {
        return Optional.of(NavigationStatus.ofCode(navigationStatusCode));
    }

    /**
     * Rate of turn in degrees per minute (ITU-R M.1371-5 Table 45: ROT_AIS = 4.733 √ROT_sensor),
     * empty when not available or when only "turning fast" (±127) is known.
     */
    public OptionalDouble rateOfTurnDegreesPerMinute() {
        if (rawTurn == -128 || rawTurn == 127 || rawTurn == -127) {
            return OptionalDouble.empty();
        }
        double root = rawTurn / 4.733;
        return OptionalDouble.of(Math.copySign(root * root, rawTurn));
    }
}
