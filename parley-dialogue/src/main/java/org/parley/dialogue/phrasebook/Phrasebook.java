package org.parley.dialogue.phrasebook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.parley.wire.Payload;

/**
 * The bilingual safety phrasebook: looks phrases up, validates coded messages and renders them in a
 * reader's language and units.
 *
 * <p>Every method is safe on input from the other party: an unknown code, a missing, extra,
 * malformed or out-of-range argument gives a reason ({@link #problems}) or a {@link
 * Rendering.Refused}, never an exception. Instances are immutable and thread-safe.
 */
public final class Phrasebook {
    /** More phrases than this in one message is not a safety message but a letter. */
    public static final int MAX_PHRASES = 32;

    /** Free text beyond this is refused, so one envelope cannot smuggle in a document. */
    public static final int MAX_FREE_TEXT_CHARS = 4000;

    private static final String RESOURCE = "catalogue.json";

    private final Map<String, Catalogue.Entry> entries;

    private Phrasebook(Map<String, Catalogue.Entry> entries) {
        this.entries = entries;
    }

    /** The catalogue shipped with Parley (CUES 2014, the 2014 MOU and its 2015 air annex, hotline procedure). */
    public static Phrasebook standard() {
        return Standard.INSTANCE;
    }

    /** Reads a catalogue in the shipped JSON format; a malformed catalogue fails here, naming the phrase. */
    static Phrasebook read(InputStream in) throws IOException {
        return new Phrasebook(Catalogue.read(in));
    }

    /** All phrases in catalogue order. */
    public List<Phrase> phrases() {
        return entries.values().stream().map(Catalogue.Entry::phrase).toList();
    }

    /** One phrase by code. */
    public Optional<Phrase> phrase(String code) {
        return Optional.ofNullable(entries.get(code)).map(Catalogue.Entry::phrase);
    }

    /**
     * The wire payload of a SAFETY envelope carrying this message; check {@link #problems} first (a
     * message without phrases cannot be carried). The payload has one flat parameter
     * map for all phrases, so each argument is keyed by the 1-based index of its phrase: {@code
     * 2.distance} is the distance of the second phrase.
     */
    public static Payload.SafetyNotice payloadOf(PhraseMessage message) {
        Map<String, String> parameters = new TreeMap<>();
        List<PhraseUse> phrases = message.phrases();
        for (int i = 0; i < phrases.size(); i++) {
            for (Map.Entry<String, String> argument : phrases.get(i).arguments().entrySet()) {
                parameters.put((i + 1) + "." + argument.getKey(), argument.getValue());
            }
        }
        return new Payload.SafetyNotice(phrases.stream().map(PhraseUse::code).toList(), parameters, message.freeText());
    }

    /**
     * The message a SAFETY envelope carries, for {@link #render}. Keys without a valid phrase index
     * are kept under a phrase number that does not exist, so {@link #problems} reports them.
     */
    public static PhraseMessage messageOf(Payload.SafetyNotice payload) {
        List<Map<String, String>> arguments = new ArrayList<>();
        payload.phraseCodes().forEach(code -> arguments.add(new TreeMap<>()));
        Map<String, String> stray = new TreeMap<>();
        payload.parameters().forEach((key, value) -> {
            int dot = key.indexOf('.');
            int index = dot > 0 && key.substring(0, dot).matches("[0-9]{1,3}")
                    ? Integer.parseInt(key.substring(0, dot))
                    : 0;
            if (index >= 1 && index <= arguments.size()) {
                arguments.get(index - 1).put(key.substring(dot + 1), value);
            } else {
                stray.put(key, value);
            }
        });
        List<PhraseUse> uses = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            uses.add(new PhraseUse(payload.phraseCodes().get(i), arguments.get(i)));
        }
        if (!stray.isEmpty()) {
            uses.add(new PhraseUse("UNNUMBERED.PARAMETERS", stray));
        }
        return new PhraseMessage(uses, payload.freeText());
    }

    /** What is wrong with a message, one line per problem; empty when the message may be sent. */
    public List<String> problems(PhraseMessage message) {
        List<String> problems = new ArrayList<>();
        if (message.phrases().isEmpty()) {
            // The wire's safety-notice payload needs a phrase code; free text is only ever attached.
            problems.add("the message has no phrases; a safety message needs at least one phrase code, free text"
                    + " may only be attached to it");
        }
        if (message.phrases().size() > MAX_PHRASES) {
            problems.add("the message has " + message.phrases().size() + " phrases; at most " + MAX_PHRASES);
        }
        if (message.freeText().length() > MAX_FREE_TEXT_CHARS) {
            problems.add(
                    "free text has " + message.freeText().length() + " characters; at most " + MAX_FREE_TEXT_CHARS);
        }
        for (int i = 0; i < message.phrases().size(); i++) {
            PhraseUse use = message.phrases().get(i);
            for (String problem : problemsOf(use)) {
                problems.add("phrase " + (i + 1) + " (" + use.code() + "): " + problem);
            }
        }
        return List.copyOf(problems);
    }

    /** The message in the reader's language and units, or the reasons it cannot be rendered. */
    public Rendering render(PhraseMessage message, Reader reader) {
        List<String> problems = problems(message);
        if (!problems.isEmpty()) {
            return new Rendering.Refused(String.join("; ", problems));
        }
        List<String> lines = new ArrayList<>();
        for (PhraseUse use : message.phrases()) {
            lines.add(sentence(use, reader));
        }
        if (!message.freeText().isBlank()) {
            lines.add(untranslated(message.freeText(), reader.language()));
        }
        return new Rendering.Rendered(reader.language(), String.join("\n", lines));
    }

    private List<String> problemsOf(PhraseUse use) {
        Catalogue.Entry entry = entries.get(use.code());
        if (entry == null) {
            return List.of("unknown phrase code '" + use.code() + "'; the catalogue has " + entries.size()
                    + " codes such as CUES.E, MOU.AIR.TOO_CLOSE, HOT.ACKNOWLEDGE");
        }
        List<String> problems = new ArrayList<>();
        TreeSet<String> extra = new TreeSet<>(use.arguments().keySet());
        for (PhraseParameter parameter : entry.phrase().parameters()) {
            extra.remove(parameter.name());
            String argument = use.arguments().get(parameter.name());
            if (argument == null) {
                problems.add("missing parameter '" + parameter.name() + "' (" + parameter.kind() + ")");
            } else if (Arguments.parse(parameter.kind(), argument) instanceof Arguments.Parsed.Bad bad) {
                problems.add("parameter '" + parameter.name() + "': " + bad.reason());
            }
        }
        if (!extra.isEmpty()) {
            problems.add("unexpected parameter(s) " + extra + "; this phrase takes "
                    + entry.phrase().parameters().stream()
                            .map(PhraseParameter::name)
                            .toList());
        }
        return problems;
    }

    /** Renders one validated phrase use. */
    private String sentence(PhraseUse use, Reader reader) {
        Catalogue.Entry entry = entries.get(use.code());
        if (entry == null) {
            throw new IllegalStateException("validated phrase vanished: " + use.code());
        }
        Map<String, String> shown = new LinkedHashMap<>();
        for (PhraseParameter parameter : entry.phrase().parameters()) {
            String argument = use.arguments().getOrDefault(parameter.name(), "");
            if (Arguments.parse(parameter.kind(), argument) instanceof Arguments.Parsed.Ok ok) {
                shown.put(parameter.name(), Formatter.format(ok.quantity(), parameter.unit(), reader));
            }
        }
        return entry.template(reader.language()).fill(shown);
    }

    private static String untranslated(String freeText, Language language) {
        return switch (language) {
            case EN -> "[Free text, untranslated, as sent] " + freeText.strip();
            case ZH -> "［附言，未翻译，按原文］" + freeText.strip();
        };
    }

    /** Loaded on first use; the shipped catalogue is checked by the build's tests. */
    private static final class Standard {
        static final Phrasebook INSTANCE = load();

        private static Phrasebook load() {
            try (InputStream in = Phrasebook.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("phrasebook catalogue " + RESOURCE + " missing from the jar");
                }
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the phrasebook catalogue " + RESOURCE, e);
            }
        }
    }
}
