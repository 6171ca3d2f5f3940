package org.parley.dialogue.phrasebook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Phrase text split into literal parts and {@code {name}} placeholders, parsed once at load. */
final class Template {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9]+)}");

    private final List<String> literals;
    private final List<String> names;

    private Template(List<String> literals, List<String> names) {
        this.literals = literals;
        this.names = names;
    }

    static Template parse(String text) {
        List<String> literals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        int at = 0;
        while (m.find()) {
            literals.add(text.substring(at, m.start()));
            names.add(m.group(1));
            at = m.end();
        }
        literals.add(text.substring(at));
        return new Template(List.copyOf(literals), List.copyOf(names));
    }

    Set<String> placeholders() {
        return new LinkedHashSet<>(names);
    }

    /** Whether a brace is left that is not a well-formed placeholder (a typo in the catalogue). */
    boolean hasStrayBraces() {
        return literals.stream().anyMatch(s -> s.indexOf('{') >= 0 || s.indexOf('}') >= 0);
    }

    String fill(Map<String, String> values) {
        StringBuilder out = new StringBuilder(literals.get(0));
        for (int i = 0; i < names.size(); i++) {
            out.append(values.getOrDefault(names.get(i), "{" + names.get(i) + "}"));
            out.append(literals.get(i + 1));
        }
        return out.toString();
    }
}
