package org.parley.node.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.parley.dialogue.phrasebook.PhraseUse;

/**
 * The compose form's fields: up to {@value #SLOTS} phrases in one message, each in a slot with its
 * typed arguments. Slot 1 is {@code phrase} with {@code arg.NAME}; slot n is {@code phrase.n} with
 * {@code arg.n.NAME}. Empty slots are skipped; the phrases keep the slots' order.
 */
final class Compose {
    static final int SLOTS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Compose() {}

    /** A slot number from a form or URL, 1 to {@value #SLOTS}. */
    static int slot(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= SLOTS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("a message takes phrase slots 1 to " + SLOTS + ": '" + text + "'");
    }

    static String phraseField(int slot) {
        return slot == 1 ? "phrase" : "phrase." + slot;
    }

    static String argumentPrefix(int slot) {
        return slot == 1 ? "arg." : "arg." + slot + ".";
    }

    /** The phrases chosen, in slot order, each with its arguments. */
    static List<PhraseUse> phrases(Map<String, String> form) {
        List<PhraseUse> out = new ArrayList<>();
        for (int slot = 1; slot <= SLOTS; slot++) {
            String code = form.getOrDefault(phraseField(slot), "");
            if (!code.isEmpty()) {
                out.add(new PhraseUse(code, arguments(form, slot)));
            }
        }
        return out;
    }

    private static Map<String, String> arguments(Map<String, String> form, int slot) {
        String prefix = argumentPrefix(slot);
        Map<String, String> arguments = new TreeMap<>();
        form.forEach((name, value) -> {
            String rest = name.startsWith(prefix) ? name.substring(prefix.length()) : "";
            // Slot 1's prefix "arg." also starts the other slots' names: their rest holds a dot.
            if (!rest.isEmpty() && rest.indexOf('.') < 0) {
                arguments.put(rest, value);
            }
        });
        return arguments;
    }

    /** The API's send body: the phrases with their typed arguments, and the free text. */
    static ObjectNode body(Map<String, String> form) {
        ObjectNode body = JSON.createObjectNode();
        body.put("precedence", form.getOrDefault("precedence", ""));
        body.put("category", form.getOrDefault("category", ""));
        body.put("text", form.getOrDefault("text", ""));
        List<PhraseUse> phrases = phrases(form);
        if (!phrases.isEmpty()) {
            ArrayNode array = body.putArray("phrases");
            for (PhraseUse use : phrases) {
                ObjectNode arguments = array.addObject().put("code", use.code()).putObject("arguments");
                use.arguments().forEach(arguments::put);
            }
        }
        return body;
    }
}
