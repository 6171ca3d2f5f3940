package org.parley.encounter;

/** A configuration the encounter watch cannot use; the message says which file and field. */
public final class EncounterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EncounterException(String message) {
        super(message);
    }

    public EncounterException(String message, Throwable cause) {
        super(message, cause);
    }
}
