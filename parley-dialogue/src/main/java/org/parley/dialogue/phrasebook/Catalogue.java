package org.parley.dialogue.phrasebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the catalogue JSON and checks it whole: a broken catalogue is a build defect, so it fails
 * at load with a message naming the phrase, never later while rendering a safety message.
 */
final class Catalogue {
    /** A phrase with its templates parsed. */
    record Entry(Phrase phrase, Template english, Template chinese) {
        Template template(Language language) {
            return switch (language) {
                case EN -> english;
                case ZH -> chinese;
            };
        }
    }

    private Catalogue() {}

    static Map<String, Entry> read(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (JsonNode group : root.path("groups")) {
            String groupId = text(group, "id", "group");
            String source = text(group, "source", groupId);
            for (JsonNode node : group.path("phrases")) {
                Entry entry = entry(node, groupId, source);
                if (entries.putIfAbsent(entry.phrase().code(), entry) != null) {
                    throw new IllegalStateException(
                            "catalogue: phrase code " + entry.phrase().code() + " appears twice");
                }
            }
        }
        if (entries.isEmpty()) {
            throw new IllegalStateException("catalogue: no phrases found under groups[].phrases[]");
        }
        return entries;
    }

    private static Entry entry(JsonNode node, String groupId, String source) {
        String code = text(node, "code", groupId);
        if (!code.matches("[A-Z][A-Z0-9_]*(\\.[A-Z0-9_]+)*")) {
            throw new IllegalStateException("catalogue: phrase code must be dotted upper case: " + code);
        }
        List<PhraseParameter> parameters = new ArrayList<>();
        for (JsonNode p : node.path("params")) {
            ParameterKind kind = ParameterKind.valueOf(text(p, "kind", code));
            DisplayUnit unit = p.has("unit") ? DisplayUnit.valueOf(text(p, "unit", code)) : kind.defaultUnit();
            parameters.add(new PhraseParameter(text(p, "name", code), kind, unit));
        }
        Phrase phrase = new Phrase(
                code,
                groupId,
                source,
                node.path("signal").asText(""),
                parameters,
                text(node, "en", code),
                text(node, "zh", code));
        Entry entry = new Entry(phrase, Template.parse(phrase.english()), Template.parse(phrase.chinese()));
        checkPlaceholders(entry);
        return entry;
    }

    /** Both languages must use exactly the declared parameters, so no reader misses a value. */
    private static void checkPlaceholders(Entry entry) {
        Set<String> declared =
                entry.phrase().parameters().stream().map(PhraseParameter::name).collect(Collectors.toSet());
        if (declared.size() != entry.phrase().parameters().size()) {
            throw new IllegalStateException("catalogue: " + entry.phrase().code() + " declares a parameter twice");
        }
        for (Language language : Language.values()) {
            Template template = entry.template(language);
            if (!template.placeholders().equals(declared) || template.hasStrayBraces()) {
                throw new IllegalStateException("catalogue: " + entry.phrase().code() + " " + language + " text uses "
                        + template.placeholders() + " but declares " + declared);
            }
        }
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalStateException("catalogue: '" + field + "' missing or empty in " + where);
        }
        return value.asText();
    }
}
