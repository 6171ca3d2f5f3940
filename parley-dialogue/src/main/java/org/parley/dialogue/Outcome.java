package org.parley.dialogue;

/** The result of an operation on the ledger: recorded, or refused with a reason and nothing stored. */
public sealed interface Outcome<T> permits Outcome.Recorded, Outcome.Refused {
    /**
     * Recorded.
     *
     * @param value what was recorded
     */
    record Recorded<T>(T value) implements Outcome<T> {}

    /**
     * Refused; nothing was stored.
     *
     * @param reason what was wrong, for the sender to fix
     */
    record Refused<T>(String reason) implements Outcome<T> {}
}
