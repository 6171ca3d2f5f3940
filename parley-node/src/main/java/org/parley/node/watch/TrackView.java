package org.parley.node.watch;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import org.parley.track.Domain;
import org.parley.track.PositionReport;

/** A live track as the map shows it: the latest report of one target, with its party if known. */
public record TrackView(String target, Optional<String> party, String name, Domain domain, PositionReport latest) {
    public Instant time() {
        return latest.time();
    }

    public OptionalDouble altitudeFeet() {
        return latest.altitude().map(a -> OptionalDouble.of(a.altitudeFeet())).orElse(OptionalDouble.empty());
    }
}
