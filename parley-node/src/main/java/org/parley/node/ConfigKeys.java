package org.parley.node;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.parley.wire.Precedence;

/**
 * Refuses a node config with a key the node does not know. A misspelt key ({@code linkTets:},
 * {@code dealines:}) would otherwise be ignored and its defaults silently applied: on a hotline a
 * FLASH deadline that is not what the operator wrote is a safety problem, so start-up stops and names
 * the key, its line and the closest key that exists at that place.
 */
final class ConfigKeys {
    /** What may stand at a place in the file. */
    private sealed interface Shape {}

    /** A value (text, number or list): its content is checked by {@link NodeConfig}. */
    private record Value() implements Shape {}

    /** A mapping with these keys only. */
    private record Keys(Map<String, Shape> keys) implements Shape {}

    /**
     * A mapping whose keys the operator chooses (operator tokens), each value of one shape. Errors
     * show {@code label} in place of the key: a token is a secret and must not reach a log.
     */
    private record AnyKey(String label, Shape value) implements Shape {}

    private static final Shape VALUE = new Value();
    private static final Shape ROOT = new Keys(ordered(
            "party", VALUE,
            "keys", VALUE,
            "store", VALUE,
            "storeUser", VALUE,
            "storePassword", VALUE,
            "storeSchema", VALUE,
            "federation",
                    new Keys(ordered(
                            "listen",
                            VALUE,
                            "peer",
                            VALUE,
                            "endpoints",
                            VALUE,
                            "retryMax",
                            deadlines(),
                            "connections",
                            connections())),
            "operator",
                    new Keys(ordered(
                            "listen",
                            VALUE,
                            "connections",
                            connections(),
                            "tokens",
                            new AnyKey("<token>", new Keys(ordered("operator", VALUE, "role", VALUE))))),
            "linkTest", new Keys(ordered("interval", VALUE, "timeout", VALUE, "missesForAlarm", VALUE)),
            "ack", new Keys(ordered("deadlines", deadlines(), "chain", VALUE)),
            "watch",
                    new Keys(ordered(
                            "parties", VALUE,
                            "rules", VALUE,
                            "send", new Keys(ordered("WATCH", VALUE, "UNSAFE", VALUE, "HOTLINE", VALUE)),
                            "feeds", VALUE,
                            "feedSilentAfter", VALUE))));

    private ConfigKeys() {}

    /** Throws {@link IllegalArgumentException} naming the first unknown key of {@code yaml}. */
    static void check(String yaml, Path file) {
        try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                walk(parser, ROOT, "", file);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read node config " + file + ": " + e.getMessage(), e);
        }
    }

    /** Checks the mapping the parser stands at the start of, and its nested mappings. */
    private static void walk(JsonParser parser, Shape shape, String path, Path file) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            String shown = shape instanceof AnyKey any ? any.label() : name;
            Shape child = switch (shape) {
                case Keys keys ->
                    known(keys, name, path, parser.currentTokenLocation().getLineNr(), file);
                case AnyKey any -> any.value();
                case Value value -> VALUE;
            };
            if (parser.nextToken() == JsonToken.START_OBJECT && !(child instanceof Value)) {
                walk(parser, child, path + shown + ".", file);
            } else {
                // A value, or a mapping where a value belongs: NodeConfig says what is wrong with it.
                parser.skipChildren();
            }
        }
    }

    private static Shape known(Keys keys, String name, String path, int line, Path file) {
        Shape shape = keys.keys().get(name);
        if (shape != null) {
            return shape;
        }
        String closest = keys.keys().keySet().stream()
                .min(Comparator.comparingInt(
                        k -> distance(k.toLowerCase(java.util.Locale.ROOT), name.toLowerCase(java.util.Locale.ROOT))))
                .orElseThrow();
        throw new IllegalArgumentException(String.format(
                "node config %s line %d: unknown key '%s%s'; did you mean '%s%s'? (keys here: %s)",
                file,
                line,
                path,
                name,
                path,
                closest,
                String.join(", ", keys.keys().keySet())));
    }

    /** Levenshtein distance: the fewest one-character edits from {@code a} to {@code b}. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static Shape connections() {
        return new Keys(ordered("perPort", VALUE, "perAddress", VALUE));
    }

    private static Shape deadlines() {
        Map<String, Shape> keys = new LinkedHashMap<>();
        for (Precedence precedence : Precedence.values()) {
            keys.put(precedence.name(), VALUE);
        }
        return new Keys(keys);
    }

    private static Map<String, Shape> ordered(Object... keyThenShape) {
        Map<String, Shape> keys = new LinkedHashMap<>();
        for (int i = 0; i < keyThenShape.length; i += 2) {
            keys.put((String) keyThenShape[i], (Shape) keyThenShape[i + 1]);
        }
        return keys;
    }
}
