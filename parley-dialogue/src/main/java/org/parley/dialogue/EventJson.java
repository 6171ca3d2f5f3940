package org.parley.dialogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Party;

/** Ledger events as JSON for the database rows and the CLI's {@code --json}. */
final class EventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventJson() {}

    static String kind(DialogueEvent event) {
        return switch (event) {
            case DialogueEvent.Requested ignored -> "request";
            case DialogueEvent.Answered a ->
                switch (a.answer()) {
                    case Answer.Accepted ignored -> "accepted";
                    case Answer.Declined ignored -> "declined";
                    case Answer.Countered ignored -> "countered";
                    case Answer.NoResponse ignored -> "no-response";
                };
        };
    }

    static String write(DialogueEvent event) {
        ObjectNode node = switch (event) {
            case DialogueEvent.Requested r -> request(r.request());
            case DialogueEvent.Answered a -> answer(a.answer());
        };
        node.put("type", kind(event));
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a ledger event as JSON", e);
        }
    }

    static ObjectNode request(DialogueRequest r) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", r.id().toString());
        node.put("from", r.from().name());
        node.put("to", r.to().name());
        node.put("level", r.level().name());
        node.put("topic", r.topic());
        times(node.putArray("proposedTimes"), r.proposedTimes());
        node.put("answerDeadline", r.answerDeadline().toString());
        node.put("sentAt", r.sentAt().toString());
        return node;
    }

    static ObjectNode answer(Answer answer) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("requestId", answer.requestId().toString());
        node.put("status", answer.status().name());
        node.put("answeredAt", answer.answeredAt().toString());
        switch (answer) {
            case Answer.Accepted a ->
                party(node, a.id(), a.by()).put("meetingTime", a.meetingTime().toString());
            case Answer.Declined d -> party(node, d.id(), d.by()).put("reason", d.reason());
            case Answer.Countered c -> {
                party(node, c.id(), c.by()).put("note", c.note());
                times(node.putArray("proposedTimes"), c.proposedTimes());
            }
            case Answer.NoResponse ignored -> {}
        }
        return node;
    }

    /** A JSON array of entries: each request's fields, its status, and its answer if any. */
    static String entries(List<DialogueEntry> entries) {
        ArrayNode array = MAPPER.createArrayNode();
        for (DialogueEntry entry : entries) {
            ObjectNode node = request(entry.request());
            node.put("status", entry.status().name());
            entry.answer().ifPresent(a -> node.set("answer", answer(a)));
            array.add(node);
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write ledger entries as JSON", e);
        }
    }

    static DialogueEvent read(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            String type = node.path("type").asText();
            if (type.equals("request")) {
                return new DialogueEvent.Requested(new DialogueRequest(
                        id(node, "id"),
                        Party.of(node.path("from").asText()),
                        Party.of(node.path("to").asText()),
                        Level.valueOf(node.path("level").asText()),
                        node.path("topic").asText(),
                        times(node.path("proposedTimes")),
                        instant(node, "answerDeadline"),
                        instant(node, "sentAt")));
            }
            return new DialogueEvent.Answered(readAnswer(type, node));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalStateException("corrupt ledger event: " + json, e);
        }
    }

    private static Answer readAnswer(String type, JsonNode node) {
        EnvelopeId requestId = id(node, "requestId");
        Instant at = instant(node, "answeredAt");
        return switch (type) {
            case "accepted" ->
                new Answer.Accepted(requestId, id(node, "id"), by(node), at, instant(node, "meetingTime"));
            case "declined" ->
                new Answer.Declined(
                        requestId,
                        id(node, "id"),
                        by(node),
                        at,
                        node.path("reason").asText());
            case "countered" ->
                new Answer.Countered(
                        requestId,
                        id(node, "id"),
                        by(node),
                        at,
                        times(node.path("proposedTimes")),
                        node.path("note").asText());
            case "no-response" -> new Answer.NoResponse(requestId, at);
            default -> throw new IllegalArgumentException("unknown event type '" + type + "'");
        };
    }

    private static ObjectNode party(ObjectNode node, EnvelopeId id, Party by) {
        node.put("id", id.toString());
        node.put("by", by.name());
        return node;
    }

    private static void times(ArrayNode array, List<Instant> times) {
        times.forEach(t -> array.add(t.toString()));
    }

    private static List<Instant> times(JsonNode array) {
        List<Instant> times = new ArrayList<>();
        array.forEach(t -> times.add(Instant.parse(t.asText())));
        return times;
    }

    private static EnvelopeId id(JsonNode node, String field) {
        return EnvelopeId.parse(node.path(field).asText());
    }

    private static Party by(JsonNode node) {
        return Party.of(node.path("by").asText());
    }

    private static Instant instant(JsonNode node, String field) {
        return Instant.parse(node.path(field).asText());
    }
}
