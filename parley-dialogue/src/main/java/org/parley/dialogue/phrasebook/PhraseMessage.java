package org.parley.dialogue.phrasebook;

import java.util.List;

/**
 * The phrase part of a SAFETY envelope: coded phrases that each side renders in its own language,
 * and optional free text that is shown as sent, marked untranslated.
 *
 * @param phrases the coded phrases in order
 * @param freeText free text in the sender's words; empty when there is none
 */
public record PhraseMessage(List<PhraseUse> phrases, String freeText) {
    public PhraseMessage {
        phrases = List.copyOf(phrases);
    }

    /** A message of coded phrases only. */
    public static PhraseMessage of(PhraseUse... phrases) {
        return new PhraseMessage(List.of(phrases), "");
    }

    /** This message with free text attached. */
    public PhraseMessage withFreeText(String text) {
        return new PhraseMessage(phrases, text);
    }
}
