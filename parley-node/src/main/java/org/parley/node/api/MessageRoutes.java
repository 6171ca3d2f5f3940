package org.parley.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.parley.dialogue.phrasebook.Phrase;
import org.parley.dialogue.phrasebook.PhraseMessage;
import org.parley.dialogue.phrasebook.PhraseUse;
import org.parley.dialogue.phrasebook.Phrasebook;
import org.parley.node.messages.MessageService;
import org.parley.wire.Category;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Payload;
import org.parley.wire.Precedence;

/**
 * The message resources: send, read, acknowledge, the inbox and outbox, the phrasebook a composer
 * picks from, and the acknowledgment deadlines. Every change goes through {@link MessageService},
 * which audits it.
 */
final class MessageRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MessageService messages;

    MessageRoutes(MessageService messages) {
        this.messages = messages;
    }

    Reply inbox(Request request) {
        return Reply.ok(Views.messages(messages.inbox(Paging.offset(request), Paging.limit(request))));
    }

    Reply outbox(Request request) {
        return Reply.ok(Views.messages(messages.outbox(Paging.offset(request), Paging.limit(request))));
    }

    Reply message(Request request) {
        EnvelopeId id = Fields.id(request.parameter("id"));
        return Reply.ok(Views.message(messages.find(id).orElseThrow(() -> new Problem(404, "no message " + id))));
    }

    Reply acknowledge(Request request) {
        EnvelopeId id = Fields.id(request.parameter("id"));
        Identity.Operator operator = request.operator();
        return Reply.ok(Views.message(messages.acknowledge(id, operator.name(), operator.roleLabel())));
    }

    Reply send(Request request) throws IOException {
        JsonNode body = request.jsonBody();
        Precedence precedence = Fields.enumField(body, "precedence", Precedence.class);
        Category category = Fields.enumField(body, "category", Category.class);
        String text = body.path("text").asText("");
        Payload payload;
        if (body.has("phrases")) {
            payload = phraseMessage(body.path("phrases"), text);
        } else if (text.isBlank()) {
            throw new Problem(
                    400,
                    "'text' is required: the message for the other party (or 'phrases' from the"
                            + " phrasebook, see GET /api/v1/phrasebook)");
        } else {
            payload = new Payload.Text(text);
        }
        return Reply.created(
                messages.send(precedence, category, payload, request.operator().name()));
    }

    Reply setAckDeadline(Request request) throws IOException {
        Precedence precedence = Fields.parseEnum(request.parameter("precedence"), "precedence", Precedence.class);
        String text = request.jsonBody().path("deadline").asText("");
        Duration deadline;
        try {
            deadline = Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new Problem(400, "'deadline' must be an ISO-8601 duration such as PT10M: '" + text + "'");
        }
        messages.setDeadline(precedence, deadline, request.operator().name());
        ObjectNode out = JSON.createObjectNode();
        out.put("precedence", precedence.name());
        out.put("deadline", deadline.toString());
        return Reply.ok(out);
    }

    /** The catalogue a composer picks from: code, source, parameters, both templates. */
    Reply phrasebook(Request request) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode items = out.putArray("phrases");
        for (Phrase phrase : MessageService.PHRASEBOOK.phrases()) {
            ObjectNode o = items.addObject();
            o.put("code", phrase.code()).put("group", phrase.groupId()).put("source", phrase.source());
            ArrayNode parameters = o.putArray("parameters");
            phrase.parameters()
                    .forEach(p -> parameters
                            .addObject()
                            .put("name", p.name())
                            .put("kind", p.kind().name())
                            .put("unit", p.unit().toString()));
            o.put("en", phrase.english()).put("zh", phrase.chinese());
        }
        return Reply.ok(out);
    }

    /**
     * A phrasebook message: {@code [{"code": "...", "arguments": {"distance": "150 yd"}}]}, with
     * {@code text} attached as free text (shown to the other side as untranslated). Every problem
     * (unknown code, missing or out-of-range argument) is refused with its phrase number.
     */
    private static Payload phraseMessage(JsonNode phrases, String freeText) {
        if (!phrases.isArray() || phrases.isEmpty()) {
            throw new Problem(400, "'phrases' must be a non-empty list of {\"code\", \"arguments\"}");
        }
        List<PhraseUse> uses = new ArrayList<>();
        for (JsonNode phrase : phrases) {
            Map<String, String> arguments = new TreeMap<>();
            phrase.path("arguments")
                    .properties()
                    .forEach(e -> arguments.put(e.getKey(), e.getValue().asText()));
            uses.add(new PhraseUse(phrase.path("code").asText(""), arguments));
        }
        PhraseMessage message = new PhraseMessage(uses, freeText);
        List<String> problems = MessageService.PHRASEBOOK.problems(message);
        if (!problems.isEmpty()) {
            throw new Problem(400, "phrase message refused, nothing sent: " + String.join("; ", problems));
        }
        return Phrasebook.payloadOf(message);
    }
}
