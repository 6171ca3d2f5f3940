package org.parley.dialogue.phrasebook;

/** The result of rendering a {@link PhraseMessage}: text for the reader, or a refusal with its reason. */
public sealed interface Rendering permits Rendering.Rendered, Rendering.Refused {
    /**
     * The message in the reader's language, one sentence per line, free text last and marked.
     *
     * @param language the language rendered in
     * @param text the rendered text
     */
    record Rendered(Language language, String text) implements Rendering {}

    /**
     * The message could not be rendered.
     *
     * @param reason what is wrong with the message, for the sender to fix
     */
    record Refused(String reason) implements Rendering {}
}
