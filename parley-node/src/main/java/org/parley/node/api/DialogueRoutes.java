package org.parley.node.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
 * <pre>
 * GET  /api/v1/dialogue                          requests with their answers, suspended categories
 * POST /api/v1/dialogue/requests                 {level, topic, proposed[], deadline, precedence?}
 * POST /api/v1/dialogue/requests/{id}/answer     {answer: ACCEPT|DECLINE|COUNTER, meeting | reason | proposed[]}
 * GET  /api/v1/dialogue/stats?period=YEAR[&amp;format=csv]
 * GET  /api/v1/channel-notices                   notices recorded, categories suspended now
 * POST /api/v1/channel-notices                   {action: SUSPEND|RESUME, categories[], reason, effectiveAt?}
 * </pre>
 */
final class DialogueRoutes {
    static final String DIALOGUE = "/api/v1/dialogue";
    static final String NOTICES = "/api/v1/channel-notices";
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

    void handle(HttpExchange ex, String method, String path, OperatorApi.Caller caller) throws IOException {
        String[] parts = path.split("/", -1); // "", api, v1, dialogue, requests, {id}, answer
        if (path.equals(DIALOGUE)) {
            OperatorApi.json(ex, 200, listing(), method, "GET");
        } else if (path.equals(DIALOGUE + "/requests")) {
            OperatorApi.requireMethod(method, "POST");
            created(ex, request(OperatorApi.body(ex), caller));
        } else if (parts.length == 7 && path.startsWith(DIALOGUE + "/requests/") && "answer".equals(parts[6])) {
            OperatorApi.requireMethod(method, "POST");
            created(ex, answer(OperatorApi.parseId(parts[5]), OperatorApi.body(ex), caller));
        } else if (path.equals(DIALOGUE + "/stats")) {
            stats(ex, method);
        } else if (path.equals(NOTICES)) {
            if ("POST".equals(method)) {
                created(ex, notice(OperatorApi.body(ex), caller));
            } else {
                OperatorApi.json(ex, 200, notices(), method, "GET");
            }
        } else {
            throw new OperatorApi.Problem(404, "no such resource: " + path + "; see /openapi.json for the API");
        }
    }

    private EnvelopeId request(JsonNode body, OperatorApi.Caller caller) {
        Level level = OperatorApi.enumField(body, "level", Level.class);
        String topic = body.path("topic").asText("");
        List<Instant> proposed = instants(body, "proposed");
        Instant deadline = instant(body.path("deadline"), "deadline");
        DialogueRequest request = new DialogueRequest(
                placeholder(), config.party(), config.peer(), level, topic, proposed, deadline, clock.instant());
        // The envelope supplies the request's id, parties and time; the payload its content.
        return messages.send(
                precedence(body, Precedence.PRIORITY),
                Category.DIALOGUE,
                DialogueLedger.payloadOf(request),
                caller.operator());
    }

    private EnvelopeId answer(EnvelopeId requestId, JsonNode body, OperatorApi.Caller caller) {
        Instant now = clock.instant();
        String code = body.path("answer").asText("").toUpperCase(Locale.ROOT);
        Answer answer = switch (code) {
            case "ACCEPT" ->
                new Answer.Accepted(
                        requestId, placeholder(), config.party(), now, instant(body.path("meeting"), "meeting"));
            case "DECLINE" ->
                new Answer.Declined(requestId, placeholder(), config.party(), now, required(body, "reason"));
            case "COUNTER" ->
                new Answer.Countered(
                        requestId,
                        placeholder(),
                        config.party(),
                        now,
                        instants(body, "proposed"),
                        body.path("note").asText(""));
            default ->
                throw new OperatorApi.Problem(
                        400,
                        "'answer' must be ACCEPT (with 'meeting'), DECLINE (with 'reason') or COUNTER (with"
                                + " 'proposed'), not '" + code + "'; NO_RESPONSE is recorded at the deadline");
        };
        return messages.send(
                precedence(body, Precedence.PRIORITY),
                Category.DIALOGUE,
                DialogueLedger.payloadOf(answer),
                caller.operator());
    }

    private EnvelopeId notice(JsonNode body, OperatorApi.Caller caller) {
        Payload.ChannelNotice.Action action = OperatorApi.enumField(body, "action", Payload.ChannelNotice.Action.class);
        JsonNode names = body.path("categories");
        if (!names.isArray() || names.isEmpty()) {
            throw new OperatorApi.Problem(400, "'categories' is required: a list such as [\"DIALOGUE\", \"ROUTINE\"]");
        }
        Set<Category> categories = EnumSet.noneOf(Category.class);
        for (JsonNode name : names) {
            categories.add(OperatorApi.parseEnum(name.asText(""), "categories", Category.class));
        }
        Payload.ChannelNotice payload;
        try {
            Optional<Instant> effectiveAt = body.has("effectiveAt")
                    ? Optional.of(instant(body.path("effectiveAt"), "effectiveAt"))
                    : Optional.empty();
            payload = new Payload.ChannelNotice(action, categories, required(body, "reason"), effectiveAt);
        } catch (IllegalArgumentException e) {
            // DESIGN decision 5: SAFETY and LINKTEST cannot be named; say so and store nothing.
            throw new OperatorApi.Problem(
                    422,
                    e.getMessage() + ". SAFETY and LINKTEST stay open whatever else is suspended; nothing was"
                            + " sent. Name only DIALOGUE and/or ROUTINE.");
        }
        return messages.send(precedence(body, Precedence.IMMEDIATE), Category.NOTICE, payload, caller.operator());
    }

    private void stats(HttpExchange ex, String method) throws IOException {
        String query = Optional.ofNullable(ex.getRequestURI().getQuery()).orElse("");
        Period period = Period.YEAR;
        boolean csv = false;
        for (String pair : query.split("&", -1)) {
            if (pair.startsWith("period=")) {
                period = OperatorApi.parseEnum(pair.substring(7), "period", Period.class);
            } else if (pair.equals("format=csv")) {
                csv = true;
            }
        }
        var stats = dialogue.stats(period);
        if (csv) {
            OperatorApi.requireMethod(method, "GET");
            OperatorApi.send(ex, 200, "text/csv; charset=utf-8", stats.toCsv().getBytes(StandardCharsets.UTF_8));
        } else {
            OperatorApi.json(ex, 200, tree(stats.toJson()), method, "GET");
        }
    }

    private ObjectNode listing() {
        ObjectNode out = JSON.createObjectNode();
        List<DialogueEntry> entries = dialogue.entries();
        out.set("requests", tree(DialogueLedger.toJson(entries)));
        suspended(out);
        return out;
    }

    private ObjectNode notices() {
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
        return out;
    }

    private void suspended(ObjectNode out) {
        ArrayNode suspended = out.putArray("suspended");
        dialogue.suspendedNow(clock.instant()).stream()
                .map(Category::name)
                .sorted()
                .forEach(suspended::add);
    }

    private static void created(HttpExchange ex, EnvelopeId id) throws IOException {
        ObjectNode out = JSON.createObjectNode();
        out.put("id", id.toString());
        ex.getResponseHeaders().set("Location", "/api/v1/messages/" + id);
        OperatorApi.json(ex, 201, out, "POST", "POST");
    }

    /** Stands in for the id the envelope will get; the payload does not carry it. */
    private EnvelopeId placeholder() {
        return EnvelopeId.generate(clock, random);
    }

    private static Precedence precedence(JsonNode body, Precedence fallback) {
        return body.has("precedence") ? OperatorApi.enumField(body, "precedence", Precedence.class) : fallback;
    }

    private static String required(JsonNode body, String field) {
        String text = body.path(field).asText("");
        if (text.isBlank()) {
            throw new OperatorApi.Problem(400, "'" + field + "' is required");
        }
        return text;
    }

    private static Instant instant(JsonNode value, String field) {
        try {
            return Instant.parse(value.asText(""));
        } catch (DateTimeParseException e) {
            throw new OperatorApi.Problem(
                    400,
                    "'" + field + "' must be an ISO-8601 UTC time such as 2026-12-01T09:00:00Z: '" + value.asText("")
                            + "'");
        }
    }

    private static List<Instant> instants(JsonNode body, String field) {
        JsonNode values = body.path(field);
        if (!values.isArray() || values.isEmpty()) {
            throw new OperatorApi.Problem(400, "'" + field + "' is required: a list of ISO-8601 UTC times");
        }
        List<Instant> times = new ArrayList<>();
        values.forEach(v -> times.add(instant(v, field)));
        return times;
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the dialogue module wrote invalid JSON", e);
        }
    }
}
