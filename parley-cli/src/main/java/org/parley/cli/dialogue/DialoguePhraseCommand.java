package org.parley.cli.dialogue;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.parley.dialogue.phrasebook.Language;
import org.parley.dialogue.phrasebook.Phrase;
import org.parley.dialogue.phrasebook.PhraseMessage;
import org.parley.dialogue.phrasebook.PhraseParameter;
import org.parley.dialogue.phrasebook.PhraseUse;
import org.parley.dialogue.phrasebook.Phrasebook;
import org.parley.dialogue.phrasebook.Reader;
import org.parley.dialogue.phrasebook.Rendering;
import org.parley.dialogue.phrasebook.UnitSystem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parley dialogue phrase}: lists the EN/ZH phrasebook, or renders one coded phrase as the
 * other side's reader would see it, e.g. {@code phrase --lang zh CUES.P.CPA distance=150yd
 * time=2026-08-03T14:05:00Z}.
 */
@Command(
        name = "phrase",
        mixinStandardHelpOptions = true,
        description = "List the phrasebook (no arguments) or render CODE name=value... in a language.")
final class DialoguePhraseCommand implements Callable<Integer> {
    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", description = "A phrase code followed by its arguments as name=value.")
    List<String> words = new ArrayList<>();

    @Option(names = "--lang", defaultValue = "EN", description = "EN or ZH (default ${DEFAULT-VALUE}).")
    Language language = Language.EN;

    @Option(
            names = "--units",
            defaultValue = "NAUTICAL",
            description = "NAUTICAL or METRIC (default ${DEFAULT-VALUE}).")
    UnitSystem units = UnitSystem.NAUTICAL;

    @Option(names = "--free-text", defaultValue = "", description = "Free text to attach; shown untranslated.")
    String freeText = "";

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Phrasebook book = Phrasebook.standard();
        if (words.isEmpty()) {
            for (Phrase phrase : book.phrases()) {
                out.println(phrase.code() + "\t"
                        + phrase.parameters().stream()
                                .map(PhraseParameter::name)
                                .toList() + "\t"
                        + phrase.template(language));
            }
            return 0;
        }
        PhraseUse use = PhraseUse.of(words.get(0));
        for (String argument : words.subList(1, words.size())) {
            int eq = argument.indexOf('=');
            if (eq <= 0) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "arguments are name=value, e.g. distance=150yd: '" + argument + "'");
            }
            use = use.with(argument.substring(0, eq), argument.substring(eq + 1));
        }
        Rendering rendering = book.render(new PhraseMessage(List.of(use), freeText), new Reader(language, units));
        return switch (rendering) {
            case Rendering.Rendered rendered -> {
                out.println(rendered.text());
                yield 0;
            }
            case Rendering.Refused refused -> {
                spec.commandLine().getErr().println("parley dialogue: refused: " + refused.reason());
                yield 1;
            }
        };
    }
}
