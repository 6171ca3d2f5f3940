package org.parley.dialogue.phrasebook;

import java.time.Instant;

/** A parsed, range-checked argument, held in SI units (degrees for angles). */
sealed interface Quantity {
    /** A true course, heading or bearing. */
    record Angle(double degrees) implements Quantity {}

    /** A horizontal distance. */
    record Length(double metres) implements Quantity {}

    /** A speed. */
    record Velocity(double metresPerSecond) implements Quantity {}

    /** An altitude or vertical separation. */
    record Height(double metres) implements Quantity {}

    /** A UTC instant. */
    record Moment(Instant instant) implements Quantity {}

    /** A WGS 84 position. */
    record Place(double latitudeDegrees, double longitudeDegrees) implements Quantity {}

    /** A whole number (souls on board). */
    record Count(long value) implements Quantity {}

    /** A proper name, shown as written. */
    record Name(String text) implements Quantity {}
}
