package org.parley.dialogue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** The periods statistics are grouped by, in UTC. */
public enum Period {
    MONTH,
    QUARTER,
    YEAR;

    /** The label of the period that contains {@code instant}: {@code 2022-08}, {@code 2022-Q3}, {@code 2022}. */
    public String label(Instant instant) {
        ZonedDateTime t = instant.atZone(ZoneOffset.UTC);
        return switch (this) {
            case MONTH -> String.format(java.util.Locale.ROOT, "%04d-%02d", t.getYear(), t.getMonthValue());
            case QUARTER ->
                String.format(java.util.Locale.ROOT, "%04d-Q%d", t.getYear(), (t.getMonthValue() - 1) / 3 + 1);
            case YEAR -> String.format(java.util.Locale.ROOT, "%04d", t.getYear());
        };
    }
}
