package org.parley.node.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.parley.dialogue.Answer;
import org.parley.dialogue.DialogueEntry;
import org.parley.dialogue.DialogueLedger;
import org.parley.dialogue.DialogueRequest;
import org.parley.dialogue.Level;
import org.parley.dialogue.Period;
import org.parley.dialogue.channel.ChannelNotice;
import org.parley.node.NodeConfig;
import org.parley.node.messages.MessageService;
import org.parley.node.record.NodeDialogue;
import org.parley.wire.Category;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Payload;
import org.parley.wire.Precedence;

/**
 * The operator API's dialogue and channel-notice resources (issue 11). Requests, answers and
 * notices go out as signed envelopes through {@link MessageService#send}, which runs the same checks the
 * peer's node runs on arrival; a refusal is a 4xx whose detail says what to fix.
 *
 * <p>The routes are declared in {@link Route} (DIALOGUE … SEND_CHANNEL_NOTICE) and documented in
 * openapi.json.
 */
final class DialogueRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NodeConfig config;
    private final MessageService messages;
    private final NodeDialogue dialogue;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();

    DialogueRoutes(NodeConfig config, MessageService messages, NodeDialogue dialogue, InstantSource clock) {
        this.config = config;
        this.messages = messages;
        this.dialogue = dialogue;
        this.clock = clock;
    }

    /** Requests with their answers, and the categories suspended now. */
    Reply listing(Request request) {
        ObjectNode out = JSON.createObjectNode();
        List<DialogueEntry> entries = dialogue.entries();
        out.set("requests", tree(DialogueLedger.toJson(entries)));
        suspended(out);
        return Reply.ok(out);
    }

    Reply requestTalks(Request request) throws IOException {
        JsonNode body = request.jsonBody();
        Level level = Fields.enumField(body, "level", Level.class);
        String topic = body.path("topic").asText("");
        List<Instant> proposed = Fields.instants(body, "proposed");
        Instant deadline = Fields.instant(body.path("deadline"), "deadline");
        DialogueRequest talks = new DialogueRequest(
                placeholder(), config.party(), config.peer(), level, topic, proposed, deadline, clock.instant());
        // The envelope supplies the request's id, parties and time; the payload its content.
        return Reply.created(messages.send(
                precedence(body, Precedence.PRIORITY),
                Category.DIALOGUE,
                DialogueLedger.payloadOf(talks),
                request.operator().name()));
    }

    Reply answerTalks(Request request) throws IOException {
        EnvelopeId requestId = Fields.id(request.parameter("id"));
        JsonNode body = request.jsonBody();
        Instant now = clock.instant();
        String code = body.path("answer").asText("").toUpperCase(Locale.ROOT);
        Answer answer = switch (code) {
            case "ACCEPT" ->
                new Answer.Accepted(
                        requestId, placeholder(), config.party(), now, Fields.instant(body.path("meeting"), "meeting"));
            case "DECLINE" ->
                new Answer.Declined(requestId, placeholder(), config.party(), now, Fields.required(body, "reason"));
            case "COUNTER" ->
                new Answer.Countered(
                        requestId,
                        placeholder(),
                        config.party(),
                        now,
                        Fields.instants(body, "proposed"),
                        body.path("note").asText(""));
            default ->
                throw new Problem(
                        400,
                        "'answer' must be ACCEPT (with 'meeting'), DECLINE (with 'reason') or COUNTER (with"
                                + " 'proposed'), not '" + code + "'; NO_RESPONSE is recorded at the deadline");
        };
        return Reply.created(messages.send(
                precedence(body, Precedence.PRIORITY),
                Category.DIALOGUE,
                DialogueLedger.payloadOf(answer),
                request.operator().name()));
    }

    /** {@code ?period=YEAR|QUARTER|MONTH&format=json|csv}; a year in JSON when not given. */
    Reply stats(Request request) {
        Period period = request.query("period")
                .map(p -> Fields.parseEnum(p, "period", Period.class))
                .orElse(Period.YEAR);
        String format = request.query("format").orElse("json");
        var stats = dialogue.stats(period);
        return switch (format) {
            case "json" -> Reply.ok(tree(stats.toJson()));
            case "csv" -> new Reply.Text("text/csv; charset=utf-8", stats.toCsv());
            default -> throw new Problem(400, "'format' must be json or csv, not '" + format + "'");
        };
    }

    /** Notices of both parties, and the categories suspended now. */
    Reply notices(Request request) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode items = out.putArray("notices");
        for (ChannelNotice n : dialogue.notices()) {
            ObjectNode o = items.addObject();
            o.put("id", n.id().toString());
            o.put("from", n.from().name());
            o.put("action", n.action().name());
            ArrayNode categories = o.putArray("categories");
            n.categories().stream().map(Category::name).sorted().forEach(categories::add);
            o.put("reason", n.reason());
            o.put("effectiveAt", n.effectiveAt().toString());
        }
        suspended(out);
        return Reply.ok(out);
    }

    Reply sendNotice(Request request) throws IOException {
        JsonNode body = request.jsonBody();
        Payload.ChannelNotice.Action action = Fields.enumField(body, "action", Payload.ChannelNotice.Action.class);
        JsonNode names = body.path("categories");
        if (!names.isArray() || names.isEmpty()) {
            throw new Problem(400, "'categories' is required: a list such as [\"DIALOGUE\", \"ROUTINE\"]");
        }
        Set<Category> categories = EnumSet.noneOf(Category.class);
        for (JsonNode name : names) {
            categories.add(Fields.parseEnum(name.asText(""), "categories", Category.class));
        }
        Payload.ChannelNotice payload;
        try {
            Optional<Instant> effectiveAt = body.has("effectiveAt")
                    ? Optional.of(Fields.instant(body.path("effectiveAt"), "effectiveAt"))
                    : Optional.empty();
            payload = new Payload.ChannelNotice(action, categories, Fields.required(body, "reason"), effectiveAt);
        } catch (IllegalArgumentException e) {
            // docs/decisions.md, decision 5: SAFETY and LINKTEST cannot be named; say so and store nothing.
            throw new Problem(
                    422,
                    e.getMessage() + ". SAFETY and LINKTEST stay open whatever else is suspended; nothing was"
                            + " sent. Name only DIALOGUE and/or ROUTINE.");
        }
        return Reply.created(messages.send(
                precedence(body, Precedence.IMMEDIATE),
                Category.NOTICE,
                payload,
                request.operator().name()));
    }

    private void suspended(ObjectNode out) {
        ArrayNode suspended = out.putArray("suspended");
        dialogue.suspendedNow(clock.instant()).stream()
                .map(Category::name)
                .sorted()
                .forEach(suspended::add);
    }

    /** Stands in for the id the envelope will get; the payload does not carry it. */
    private EnvelopeId placeholder() {
        return EnvelopeId.generate(clock, random);
    }

    private static Precedence precedence(JsonNode body, Precedence fallback) {
        return body.has("precedence") ? Fields.enumField(body, "precedence", Precedence.class) : fallback;
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the dialogue module wrote invalid JSON", e);
        }
    }
}
