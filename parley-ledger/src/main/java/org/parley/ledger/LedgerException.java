package org.parley.ledger;

/**
 * A ledger check failed or a ledger operation cannot be done. The message says what failed and,
 * where it helps, what to do; it is written for the duty officer or operator who will read it.
 */
public final class LedgerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    public LedgerException(String message) {
        super(message);
        this.reason = message;
    }

    public LedgerException(String message, Throwable cause) {
        super(message, cause);
        this.reason = message;
    }

    /** The message, never null. */
    public String reason() {
        return reason;
    }
}
