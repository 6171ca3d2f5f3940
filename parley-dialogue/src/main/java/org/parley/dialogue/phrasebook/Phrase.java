package org.parley.dialogue.phrasebook;

import java.util.List;

/**
 * One phrase of the catalogue, as a composer (console, CLI) needs to know it.
 *
 * @param code the stable code carried on the wire, e.g. {@code CUES.E}
 * @param groupId the catalogue group, e.g. {@code CUES_SIGNALS}
 * @param source the document the group is taken from
 * @param signal the signal group letters where the source defines one, else empty
 * @param parameters the typed parameters, in the catalogue's order
 * @param english the English template with {@code {name}} placeholders
 * @param chinese the Simplified Chinese template with the same placeholders
 */
public record Phrase(
        String code,
        String groupId,
        String source,
        String signal,
        List<PhraseParameter> parameters,
        String english,
        String chinese) {
    public Phrase {
        if (code.isBlank() || english.isBlank() || chinese.isBlank() || source.isBlank()) {
            throw new IllegalArgumentException("phrase " + code + " needs a code, a source and text in both languages");
        }
        parameters = List.copyOf(parameters);
    }

    /** The template in one language. */
    public String template(Language language) {
        return switch (language) {
            case EN -> english;
            case ZH -> chinese;
        };
    }
}
