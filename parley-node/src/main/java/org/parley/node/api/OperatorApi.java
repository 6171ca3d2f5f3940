package org.parley.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.parley.dialogue.phrasebook.Phrase;
import org.parley.dialogue.phrasebook.PhraseMessage;
import org.parley.dialogue.phrasebook.PhraseUse;
import org.parley.dialogue.phrasebook.Phrasebook;
import org.parley.federation.LinkStatus;
import org.parley.node.NodeConfig;
import org.parley.node.events.Alarm;
import org.parley.node.events.NodeEvents;
import org.parley.node.events.NodeEvents.Counter;
import org.parley.node.messages.MessageService;
import org.parley.node.messages.MessageView;
import org.parley.node.record.NodeDialogue;
import org.parley.wire.Category;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Payload;
import org.parley.wire.Precedence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators' HTTPS API, on its own port (never the federation port). Operators present a bearer
 * token from the node config, which names them and their role; every change is audited by {@link
 * MessageService}. Errors are RFC 9457 problem documents whose {@code detail} says what to fix.
 */
public final class OperatorApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OperatorApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 1024 * 1024;
    private final DialogueRoutes dialogueRoutes;

    private final NodeConfig config;
    private final MessageService messages;
    private final NodeEvents events;
    private final Supplier<LinkStatus> link;
    private final String storeEngine;
    private final InstantSource clock;
    private final HttpsServer server;
    private final ExecutorService executor;

    /** A refusal to answer with a problem document. */
    static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        Problem(int status, String detail) {
            super(detail);
            this.status = status;
        }
    }

    record Caller(String operator, NodeConfig.Role role) {
        String roleLabel() {
            return role.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private OperatorApi(
            NodeConfig config,
            MessageService messages,
            NodeDialogue dialogue,
            NodeEvents events,
            Supplier<LinkStatus> link,
            String storeEngine,
            InstantSource clock,
            HttpsServer server) {
        this.config = config;
        this.messages = messages;
        this.events = events;
        this.link = link;
        this.storeEngine = storeEngine;
        this.clock = clock;
        this.server = server;
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.dialogueRoutes = new DialogueRoutes(config, messages, dialogue, clock);
    }

    /**
     * Listens on the config's operator address (TLS 1.3 with {@code ssl}, the node's own
     * certificate) and serves until closed. {@code link} and {@code storeEngine} feed /health and
     * /metrics.
     */
    public static OperatorApi start(
            NodeConfig config,
            SSLContext ssl,
            MessageService messages,
            NodeDialogue dialogue,
            NodeEvents events,
            Supplier<LinkStatus> link,
            String storeEngine,
            InstantSource clock) {
        HttpsServer server;
        try {
            server = HttpsServer.create(config.operatorListen(), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + config.operatorListen() + ": " + e.getMessage(), e);
        }
        server.setHttpsConfigurator(new HttpsConfigurator(ssl) {
            @Override
            public void configure(HttpsParameters params) {
                // Operators authenticate with tokens, so no client certificate is asked for here.
                SSLParameters tls = new SSLParameters();
                tls.setProtocols(new String[] {"TLSv1.3"});
                params.setSSLParameters(tls);
            }
        });
        OperatorApi api = new OperatorApi(config, messages, dialogue, events, link, storeEngine, clock, server);
        server.createContext("/", api::handle);
        server.setExecutor(api.executor);
        server.start();
        return api;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            events.count(Counter.API_REQUESTS);
            try {
                route(exchange);
            } catch (Problem p) {
                problem(exchange, p.status, String.valueOf(p.getMessage()));
            } catch (MessageService.Refused r) {
                problem(exchange, r.status(), String.valueOf(r.getMessage()));
            } catch (IllegalArgumentException e) {
                problem(exchange, 400, String.valueOf(e.getMessage()));
            } catch (RuntimeException e) {
                LOG.error("operator API failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                problem(
                        exchange,
                        500,
                        "internal error; the node log has the details ("
                                + e.getClass().getSimpleName() + ")");
            }
        }
    }

    private void route(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        switch (path) {
            case "/health" -> json(ex, 200, health(), method, "GET");
            case "/metrics" ->
                text(
                        ex,
                        method,
                        events.metricsText(messages.outboxPending(), link.get().alarm()));
            case "/openapi.json" -> raw(ex, method, OpenApi.document());
            case "/api/v1/inbox" -> {
                caller(ex);
                json(ex, 200, list(messages.inbox(limit(ex))), method, "GET");
            }
            case "/api/v1/outbox" -> {
                caller(ex);
                json(ex, 200, list(messages.outbox(limit(ex))), method, "GET");
            }
            case "/api/v1/link" -> {
                caller(ex);
                json(ex, 200, link(link.get()), method, "GET");
            }
            case "/api/v1/alarms" -> {
                caller(ex);
                json(ex, 200, alarms(), method, "GET");
            }
            case "/api/v1/messages" -> send(ex, method);
            case "/api/v1/phrasebook" -> {
                caller(ex);
                json(ex, 200, phrasebook(), method, "GET");
            }
            default -> {
                if (path.startsWith(DialogueRoutes.DIALOGUE) || path.startsWith(DialogueRoutes.NOTICES)) {
                    dialogueRoutes.handle(ex, method, path, caller(ex));
                } else {
                    routeWithId(ex, method, path);
                }
            }
        }
    }

    private void routeWithId(HttpExchange ex, String method, String path) throws IOException {
        String[] parts = path.split("/", -1);
        // ["", "api", "v1", "messages", ID] or [..., ID, "ack"]
        if (parts.length >= 5 && "messages".equals(parts[3]) && path.startsWith("/api/v1/")) {
            EnvelopeId id = parseId(parts[4]);
            if (parts.length == 5) {
                caller(ex);
                requireMethod(method, "GET");
                MessageView view = messages.find(id).orElseThrow(() -> new Problem(404, "no message " + id));
                json(ex, 200, view(view), method, "GET");
                return;
            }
            if (parts.length == 6 && "ack".equals(parts[5])) {
                Caller caller = caller(ex);
                requireMethod(method, "POST");
                json(ex, 200, view(messages.acknowledge(id, caller.operator(), caller.roleLabel())), method, "POST");
                return;
            }
        }
        if (parts.length == 6 && path.startsWith("/api/v1/config/ack-deadlines/")) {
            configureDeadline(ex, method, parts[5]);
            return;
        }
        throw new Problem(404, "no such resource: " + path + "; see /openapi.json for the API");
    }

    private void send(HttpExchange ex, String method) throws IOException {
        Caller caller = caller(ex);
        requireMethod(method, "POST");
        JsonNode body = body(ex);
        Precedence precedence = enumField(body, "precedence", Precedence.class);
        Category category = enumField(body, "category", Category.class);
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
        EnvelopeId id = messages.send(precedence, category, payload, caller.operator());
        ObjectNode out = JSON.createObjectNode();
        out.put("id", id.toString());
        ex.getResponseHeaders().set("Location", "/api/v1/messages/" + id);
        json(ex, 201, out, method, "POST");
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

    /** The catalogue a composer picks from: code, source, parameters, both templates. */
    private static ObjectNode phrasebook() {
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
        return out;
    }

    private void configureDeadline(HttpExchange ex, String method, String precedenceName) throws IOException {
        Caller caller = caller(ex);
        if (caller.role() != NodeConfig.Role.ADMIN) {
            throw new Problem(403, "changing configuration needs the ADMIN role; you are " + caller.role());
        }
        requireMethod(method, "PUT");
        Precedence precedence = parseEnum(precedenceName, "precedence", Precedence.class);
        String text = body(ex).path("deadline").asText("");
        Duration deadline;
        try {
            deadline = Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new Problem(400, "'deadline' must be an ISO-8601 duration such as PT10M: '" + text + "'");
        }
        messages.setDeadline(precedence, deadline, caller.operator());
        ObjectNode out = JSON.createObjectNode();
        out.put("precedence", precedence.name());
        out.put("deadline", deadline.toString());
        json(ex, 200, out, method, "PUT");
    }

    // --- authentication --------------------------------------------------------------------

    private Caller caller(HttpExchange ex) {
        String header = Optional.ofNullable(ex.getRequestHeaders().getFirst("Authorization"))
                .orElse("");
        if (!header.startsWith("Bearer ")) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"parley\"");
            throw new Problem(401, "send 'Authorization: Bearer <token>' with an operator token from the node config");
        }
        NodeConfig.OperatorToken token =
                config.tokens().get(header.substring("Bearer ".length()).strip());
        if (token == null) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"parley\", error=\"invalid_token\"");
            throw new Problem(401, "unknown operator token");
        }
        return new Caller(token.operator(), token.role());
    }

    // --- request helpers ---------------------------------------------------------------------

    static void requireMethod(String method, String allowed) {
        if (!allowed.equals(method)) {
            throw new Problem(405, "use " + allowed + " here, not " + method);
        }
    }

    private static int limit(HttpExchange ex) {
        String query = Optional.ofNullable(ex.getRequestURI().getQuery()).orElse("");
        for (String pair : query.split("&", -1)) {
            if (pair.startsWith("limit=")) {
                try {
                    int limit = Integer.parseInt(pair.substring(6));
                    if (limit >= 1 && limit <= 10_000) {
                        return limit;
                    }
                } catch (NumberFormatException e) {
                    // fall through to the problem below
                }
                throw new Problem(400, "'limit' must be a whole number from 1 to 10000: '" + pair.substring(6) + "'");
            }
        }
        return 100;
    }

    static EnvelopeId parseId(String text) {
        try {
            return EnvelopeId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new Problem(
                    400,
                    "message id must be a lower-case UUID such as 01912345-6789-7abc-8def-0123456789ab: '" + text
                            + "'");
        }
    }

    static JsonNode body(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new Problem(413, "request body is larger than " + MAX_BODY + " bytes");
            }
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new Problem(400, "the request body must be a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Problem(400, "the request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static <E extends Enum<E>> E enumField(JsonNode body, String field, Class<E> type) {
        JsonNode value = body.path(field);
        if (!value.isTextual()) {
            throw new Problem(
                    400, "'" + field + "' is required, one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
        return parseEnum(value.asText(), field, type);
    }

    static <E extends Enum<E>> E parseEnum(String text, String field, Class<E> type) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Problem(
                    400,
                    "'" + field + "' must be one of " + java.util.Arrays.toString(type.getEnumConstants()) + ", not '"
                            + text + "'");
        }
    }

    // --- responses ------------------------------------------------------------------------------

    private ObjectNode health() {
        ObjectNode out = JSON.createObjectNode();
        out.put("status", "UP");
        out.put("party", config.party().name());
        out.put("peer", config.peer().name());
        out.put("store", storeEngine);
        out.put("linkAlarm", link.get().alarm());
        out.put("time", clock.instant().toString());
        return out;
    }

    private static ObjectNode list(java.util.List<MessageView> views) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode items = out.putArray("messages");
        views.forEach(v -> items.add(view(v)));
        return out;
    }

    static ObjectNode view(MessageView v) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", v.id().toString());
        o.put("direction", v.direction().name());
        o.put("from", v.from().name());
        o.put("to", v.to().name());
        o.put("precedence", v.precedence().name());
        o.put("category", v.category().name());
        o.put("created", v.created().toString());
        o.put("text", v.text());
        o.put("status", v.status().name());
        v.receivedAt().ifPresent(t -> o.put("receivedAt", t.toString()));
        v.acknowledgedBy().ifPresent(r -> o.put("acknowledgedBy", r));
        v.acknowledgedAt().ifPresent(t -> o.put("acknowledgedAt", t.toString()));
        o.put("ackDeadline", v.ackDeadline().toString());
        v.responsibleRole().ifPresent(r -> o.put("responsibleRole", r));
        v.textZh().ifPresent(t -> o.put("textZh", t));
        v.delivery().ifPresent(d -> {
            ObjectNode delivery = o.putObject("delivery");
            delivery.put("attempts", d.attempts());
            delivery.put("nextAttempt", d.nextAttempt().toString());
            d.lastError().ifPresent(e -> delivery.put("lastError", e));
        });
        return o;
    }

    private static ObjectNode link(LinkStatus s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("alarm", s.alarm());
        o.put("consecutiveMisses", s.consecutiveMisses());
        o.put("sent", s.sent());
        o.put("answered", s.answered());
        s.lastRoundTrip().ifPresent(d -> o.put("lastRoundTripMillis", d.toNanos() / 1e6));
        s.peerClockOffset().ifPresent(d -> o.put("peerClockOffsetMillis", d.toNanos() / 1e6));
        s.lastAnsweredAt().ifPresent(t -> o.put("lastAnsweredAt", t.toString()));
        return o;
    }

    private ObjectNode alarms() {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode items = out.putArray("alarms");
        for (Alarm a : events.alarms()) {
            ObjectNode o = items.addObject();
            o.put("at", a.at().toString());
            o.put("kind", a.kind().name());
            o.put("message", a.message());
        }
        return out;
    }

    static void json(HttpExchange ex, int status, JsonNode body, String method, String allowed) throws IOException {
        requireMethod(method, allowed);
        send(ex, status, "application/json", JSON.writeValueAsBytes(body));
    }

    private static void text(HttpExchange ex, String method, String body) throws IOException {
        requireMethod(method, "GET");
        send(ex, 200, "text/plain; version=0.0.4; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void raw(HttpExchange ex, String method, byte[] body) throws IOException {
        requireMethod(method, "GET");
        send(ex, 200, "application/json", body);
    }

    private void problem(HttpExchange ex, int status, String detail) throws IOException {
        events.count(Counter.API_ERRORS);
        ObjectNode o = JSON.createObjectNode();
        o.put("type", "about:blank");
        o.put("title", title(status));
        o.put("status", status);
        o.put("detail", detail);
        o.put("instance", ex.getRequestURI().getPath());
        send(ex, status, "application/problem+json", JSON.writeValueAsBytes(o));
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 422 -> "Unprocessable Content";
            case 413 -> "Content Too Large";
            default -> "Internal Server Error";
        };
    }

    static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        // One request per connection: operators send a few requests a minute, and reusing TLS 1.3
        // connections with the JDK server has left a request unanswered in tests (JDK HttpsServer
        // keep-alive); a fresh handshake costs a few milliseconds.
        ex.getResponseHeaders().set("Connection", "close");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }
}
