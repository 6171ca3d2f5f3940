package org.parley.dialogue.phrasebook;

/**
 * Who reads a rendered message: the language and the unit conventions to render in.
 *
 * @param language the language of the reader
 * @param units the unit conventions of the reader
 */
public record Reader(Language language, UnitSystem units) {
    /** An English reader with the catalogue's nautical units. */
    public static Reader english() {
        return new Reader(Language.EN, UnitSystem.NAUTICAL);
    }

    /** A Chinese reader with the catalogue's nautical units. */
    public static Reader chinese() {
        return new Reader(Language.ZH, UnitSystem.NAUTICAL);
    }
}
