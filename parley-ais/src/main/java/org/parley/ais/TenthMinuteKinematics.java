package org.parley.ais;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The kinematics that messages 1-3, 9, 18 and 19 carry in one encoding (ITU-R M.1371-5 Tables 45,
 * 48, 49, 50): position in 1/10 000 minute, course over ground in 1/10 degree, speed in 1/10 knot
 * (message 9 alone overrides: whole knots for aircraft). The units are converted here once, from
 * each record's raw fields, instead of in four copies of the same accessors.
 */
sealed interface TenthMinuteKinematics extends PositionReport
        permits ClassAPositionReport, ClassBPositionReport, ClassBExtendedReport, SarAircraftReport {
    /** Longitude in 1/10 000 minute, 181° = not available. */
    int rawLongitude();

    /** Latitude in 1/10 000 minute, 91° = not available. */
    int rawLatitude();

    /** Course over ground in 1/10 degree, 3600 = not available. */
    int rawCourse();

    /** Speed over ground, 1023 = not available. */
    int rawSpeed();

    /** The field widths of the shared kinematics, checked in the records' constructors. */
    static void check(int rawSpeed, int rawLongitude, int rawLatitude, int rawCourse) {
        Check.unsigned(rawSpeed, 10, "rawSpeed");
        Check.signed(rawLongitude, 28, "rawLongitude");
        Check.signed(rawLatitude, 27, "rawLatitude");
        Check.unsigned(rawCourse, 12, "rawCourse");
    }

    @Override
    default OptionalDouble latitudeDegrees() {
        return Units.latitude(rawLatitude(), Units.TENTH_MINUTE_DEGREES);
    }

    @Override
    default OptionalDouble longitudeDegrees() {
        return Units.longitude(rawLongitude(), Units.TENTH_MINUTE_DEGREES);
    }

    @Override
    default OptionalDouble speedKnots() {
        return Units.speedTenths(rawSpeed());
    }

    @Override
    default OptionalDouble courseDegrees() {
        return Units.courseTenths(rawCourse());
    }

    /** Only Class A reports carry a navigational status. */
    @Override
    default Optional<NavigationStatus> navigationStatus() {
        return Optional.empty();
    }
}
