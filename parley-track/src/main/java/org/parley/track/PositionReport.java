package org.parley.track;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One position of one target at one instant, whatever feed it came from. The AIS and ADS-B
 * adapters fill the fields their messages carry and leave the rest empty; the track table
 * estimates what is missing.
 *
 * @param navigationStatus AIS navigational status 0..15 (ITU-R M.1371-5 Table 47: 1 at anchor, 5
 *     moored)
 * @param shipType AIS type of ship and cargo 0..99 (ITU-R M.1371-5 Table 53)
 * @param emitterCategory ADS-B emitter category, e.g. {@code A3} (DO-260B 2.2.3.2.5.2)
 */
public record PositionReport(
        TargetId target,
        Instant time,
        double latitudeDegrees,
        double longitudeDegrees,
        Transponder transponder,
        OptionalDouble speedKnots,
        OptionalDouble courseDegrees,
        OptionalDouble headingDegrees,
        Optional<Altitude> altitude,
        OptionalDouble verticalRateFeetPerMinute,
        OptionalInt navigationStatus,
        OptionalInt shipType,
        Optional<String> emitterCategory) {

    public PositionReport {
        if (!(latitudeDegrees >= -90 && latitudeDegrees <= 90)) {
            throw new IllegalArgumentException("latitudeDegrees must be within -90..90: " + latitudeDegrees);
        }
        if (!(longitudeDegrees >= -180 && longitudeDegrees <= 180)) {
            throw new IllegalArgumentException("longitudeDegrees must be within -180..180: " + longitudeDegrees);
        }
        check(speedKnots, 0, 5_000, "speedKnots");
        check(courseDegrees, 0, 360, "courseDegrees");
        check(headingDegrees, 0, 360, "headingDegrees");
        check(verticalRateFeetPerMinute, -100_000, 100_000, "verticalRateFeetPerMinute");
        checkInt(navigationStatus, 15, "navigationStatus");
        checkInt(shipType, 99, "shipType");
    }

    private static void check(OptionalDouble value, double min, double maxExclusive, String name) {
        if (value.isPresent()) {
            double v = value.getAsDouble();
            if (!(v >= min && v < maxExclusive)) {
                throw new IllegalArgumentException(
                        name + " must be within " + min + ".." + maxExclusive + " (exclusive): " + v);
            }
        }
    }

    private static void checkInt(OptionalInt value, int max, String name) {
        if (value.isPresent() && (value.getAsInt() < 0 || value.getAsInt() > max)) {
            throw new IllegalArgumentException(name + " must be within 0.." + max + ": " + value.getAsInt());
        }
    }

    /**
     * This report dated {@code newTime}: a replayed feed re-stamps what it emits with the watch's
     * clock, the file's own time having served only to pace it.
     */
    public PositionReport withTime(Instant newTime) {
        return new PositionReport(
                target,
                newTime,
                latitudeDegrees,
                longitudeDegrees,
                transponder,
                speedKnots,
                courseDegrees,
                headingDegrees,
                altitude,
                verticalRateFeetPerMinute,
                navigationStatus,
                shipType,
                emitterCategory);
    }

    /** Starts a report with the fields every report has. */
    public static Builder builder(TargetId target, Instant time, double latitudeDegrees, double longitudeDegrees) {
        return new Builder(target, time, latitudeDegrees, longitudeDegrees);
    }

    /** Builds a report; unset optional fields stay empty. */
    public static final class Builder {
        private final TargetId target;
        private final Instant time;
        private final double latitudeDegrees;
        private final double longitudeDegrees;
        private Transponder transponder = Transponder.OTHER;
        private OptionalDouble speedKnots = OptionalDouble.empty();
        private OptionalDouble courseDegrees = OptionalDouble.empty();
        private OptionalDouble headingDegrees = OptionalDouble.empty();
        private Optional<Altitude> altitude = Optional.empty();
        private OptionalDouble verticalRate = OptionalDouble.empty();
        private OptionalInt navigationStatus = OptionalInt.empty();
        private OptionalInt shipType = OptionalInt.empty();
        private Optional<String> emitterCategory = Optional.empty();

        private Builder(TargetId target, Instant time, double latitudeDegrees, double longitudeDegrees) {
            this.target = target;
            this.time = time;
            this.latitudeDegrees = latitudeDegrees;
            this.longitudeDegrees = longitudeDegrees;
        }

        public Builder transponder(Transponder value) {
            this.transponder = value;
            return this;
        }

        public Builder speedKnots(double value) {
            this.speedKnots = OptionalDouble.of(value);
            return this;
        }

        public Builder courseDegrees(double value) {
            this.courseDegrees = OptionalDouble.of(value);
            return this;
        }

        public Builder headingDegrees(double value) {
            this.headingDegrees = OptionalDouble.of(value);
            return this;
        }

        public Builder altitude(Altitude value) {
            this.altitude = Optional.of(value);
            return this;
        }

        public Builder verticalRateFeetPerMinute(double value) {
            this.verticalRate = OptionalDouble.of(value);
            return this;
        }

        public Builder navigationStatus(int value) {
            this.navigationStatus = OptionalInt.of(value);
            return this;
        }

        public Builder shipType(int value) {
            this.shipType = OptionalInt.of(value);
            return this;
        }

        public Builder emitterCategory(String value) {
            this.emitterCategory = Optional.of(value);
            return this;
        }

        public PositionReport build() {
            return new PositionReport(
                    target,
                    time,
                    latitudeDegrees,
                    longitudeDegrees,
                    transponder,
                    speedKnots,
                    courseDegrees,
                    headingDegrees,
                    altitude,
                    verticalRate,
                    navigationStatus,
                    shipType,
                    emitterCategory);
        }
    }
}
