package org.parley.dialogue.phrasebook;

import java.util.Map;
import java.util.TreeMap;

/**
 * One phrase as sent: a catalogue code and its arguments in their wire form (see {@link
 * ParameterKind} for each kind's form, e.g. {@code course=045}, {@code distance=150yd}).
 *
 * <p>Arguments are kept as text on purpose: they come from the other party, and a malformed one
 * must become a refusal with a reason ({@link Phrasebook#problems}), never an exception.
 *
 * @param code the phrase code
 * @param arguments parameter name to argument text, sorted by name
 */
public record PhraseUse(String code, Map<String, String> arguments) {
    public PhraseUse {
        arguments = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(arguments));
    }

    /** A phrase without arguments. */
    public static PhraseUse of(String code) {
        return new PhraseUse(code, Map.of());
    }

    /** This use with one more argument. */
    public PhraseUse with(String name, String argument) {
        Map<String, String> more = new TreeMap<>(arguments);
        more.put(name, argument);
        return new PhraseUse(code, more);
    }
}
