package org.parley.federation;

import java.time.Instant;

/** A change of the link alarm, for the operators' alarm list and the audit log. */
public sealed interface LinkEvent {
    Instant at();

    /** The configured number of link tests in a row went unanswered. */
    record AlarmRaised(Instant at, int consecutiveMisses) implements LinkEvent {}

    /** A link test was answered again after an alarm. */
    record AlarmCleared(Instant at) implements LinkEvent {}
}
