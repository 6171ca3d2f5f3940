package org.parley.dialogue.phrasebook;

/**
 * A typed parameter of a catalogue phrase.
 *
 * @param name the placeholder name used in both languages' text, e.g. {@code course}
 * @param kind what the parameter measures
 * @param unit the unit the catalogue shows it in for nautical readers
 */
public record PhraseParameter(String name, ParameterKind kind, DisplayUnit unit) {
    public PhraseParameter {
        if (!name.matches("[a-z][A-Za-z0-9]{0,31}")) {
            throw new IllegalArgumentException("parameter name must be lowerCamelCase letters and digits: " + name);
        }
        if (!kind.allows(unit)) {
            throw new IllegalArgumentException("a " + kind + " parameter cannot be shown in " + unit + ": " + name);
        }
    }
}
