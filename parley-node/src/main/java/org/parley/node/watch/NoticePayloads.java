package org.parley.node.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.parley.wire.Payload;

/**
 * A drafted notice's payload as the incident tables keep it: {@code {"phrases": [...], "parameters":
 * {...}, "freeText": ""}} for a phrasebook message, {@code {"text": "..."}} for plain text. Equal
 * payloads give equal JSON, which is how a restart recognises a notice already in the outbox.
 */
final class NoticePayloads {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NoticePayloads() {}

    static String write(Payload payload) {
        ObjectNode out = JSON.createObjectNode();
        switch (payload) {
            case Payload.SafetyNotice s -> {
                s.phraseCodes().forEach(out.putArray("phrases")::add);
                ObjectNode parameters = out.putObject("parameters");
                s.parameters().forEach(parameters::put);
                out.put("freeText", s.freeText());
            }
            case Payload.Text t -> out.put("text", t.text());
            default ->
                throw new IllegalArgumentException("a notice is a phrasebook message or text: " + payload.type());
        }
        return out.toString();
    }

    static Payload read(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("watch: a stored notice is not JSON: " + e.getOriginalMessage(), e);
        }
        if (node.has("text")) {
            return new Payload.Text(node.path("text").asText());
        }
        List<String> codes = new ArrayList<>();
        node.path("phrases").forEach(code -> codes.add(code.asText()));
        Map<String, String> parameters = new TreeMap<>();
        node.path("parameters")
                .properties()
                .forEach(e -> parameters.put(e.getKey(), e.getValue().asText()));
        return new Payload.SafetyNotice(codes, parameters, node.path("freeText").asText(""));
    }
}
