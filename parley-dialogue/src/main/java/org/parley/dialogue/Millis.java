package org.parley.dialogue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Instants at the wire's precision: whole milliseconds (parley-wire {@code Checks.millis}). */
final class Millis {
    private Millis() {}

    static Instant of(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
