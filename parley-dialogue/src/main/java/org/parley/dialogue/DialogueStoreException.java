package org.parley.dialogue;

/** The dialogue ledger's database failed; the message says what to check. */
public final class DialogueStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DialogueStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
