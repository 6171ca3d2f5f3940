package org.parley.node.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.parley.node.events.NodeEvents;
import org.parley.node.events.NodeEvents.Counter;
import org.parley.node.messages.MessageService;

/**
 * API calls made inside the node for the console: routed, role-checked and handled by {@link
 * Dispatcher} exactly as over HTTPS, answered as {@link OperatorApi.Answer}; refusals become the
 * same RFC 9457 problem documents.
 */
final class InProcess {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Dispatcher dispatcher;
    private final Authenticator authenticator;
    private final NodeEvents events;

    InProcess(Dispatcher dispatcher, Authenticator authenticator, NodeEvents events) {
        this.dispatcher = dispatcher;
        this.authenticator = authenticator;
        this.events = events;
    }

    Optional<OperatorApi.Caller> caller(String token) {
        return authenticator.operatorFor(token).map(o -> new OperatorApi.Caller(o.name(), o.role()));
    }

    /** The console's sign-in: the API's per-address throttle and audit apply; 429 becomes {@link OperatorApi.Throttled}. */
    Optional<OperatorApi.Caller> signIn(String token, java.net.InetAddress from) {
        try {
            return authenticator
                    .signIn(token, from, "POST /login")
                    .map(o -> new OperatorApi.Caller(o.name(), o.role()));
        } catch (Problem p) {
            long seconds = Long.parseLong(p.headers().getOrDefault("Retry-After", "60"));
            throw new OperatorApi.Throttled(p.detail(), seconds);
        }
    }

    boolean permits(OperatorApi.Caller caller, String method, String path) {
        return Router.resolve(method, path) instanceof Router.Found found
                && found.route().access().admits(caller.role());
    }

    OperatorApi.Answer call(OperatorApi.Caller caller, String method, String pathAndQuery, String jsonBody) {
        events.count(Counter.API_REQUESTS);
        URI uri = URI.create(pathAndQuery);
        Identity.Operator operator = new Identity.Operator(caller.name(), caller.role());
        try {
            Reply reply = dispatcher.dispatchAs(
                    operator,
                    method,
                    uri.getPath(),
                    Optional.ofNullable(uri.getRawQuery()),
                    new ByteArrayInputStream(jsonBody.getBytes(StandardCharsets.UTF_8)));
            return switch (reply) {
                case Reply.Json json -> new OperatorApi.Answer(json.status(), "application/json", write(json.body()));
                case Reply.Text text -> new OperatorApi.Answer(200, text.contentType(), text.body());
                case Reply.EventStream stream -> {
                    stream.subscription().close();
                    throw new IllegalArgumentException("an event stream is read over HTTP, not in-process");
                }
            };
        } catch (Problem p) {
            return problem(p.status(), p.detail(), uri.getPath());
        } catch (MessageService.Refused r) {
            return problem(r.status(), String.valueOf(r.getMessage()), uri.getPath());
        } catch (IllegalArgumentException e) {
            return problem(400, String.valueOf(e.getMessage()), uri.getPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private OperatorApi.Answer problem(int status, String detail, String path) {
        events.count(Counter.API_ERRORS);
        ObjectNode o = JSON.createObjectNode();
        o.put("type", "about:blank");
        o.put("status", status);
        o.put("detail", detail);
        o.put("instance", path);
        return new OperatorApi.Answer(status, "application/problem+json", write(o));
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
