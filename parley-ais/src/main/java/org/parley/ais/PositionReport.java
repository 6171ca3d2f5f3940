package org.parley.ais;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A message that places a moving station: types 1/2/3 (Class A), 9 (SAR aircraft), 18 and 19 (Class
 * B) and 27 (long range). These feed the track table; every accessor is in real units and empty
 * when the transmitter said "not available".
 */
public sealed interface PositionReport extends AisMessage permits TenthMinuteKinematics, LongRangeReport {
    /** Latitude in degrees north, empty when not available (91°) or out of range. */
    OptionalDouble latitudeDegrees();

    /** Longitude in degrees east, empty when not available (181°) or out of range. */
    OptionalDouble longitudeDegrees();

    /** Speed over ground in knots, empty when not available. */
    OptionalDouble speedKnots();

    /** Course over ground in degrees true, empty when not available (360°). */
    OptionalDouble courseDegrees();

    /** True heading in whole degrees, empty when not available (511) or not transmitted. */
    OptionalInt headingDegrees();

    /** Navigational status (Class A and long range only). */
    Optional<NavigationStatus> navigationStatus();
}
