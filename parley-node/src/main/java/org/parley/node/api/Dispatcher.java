package org.parley.node.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.parley.node.events.NodeEvents;
import org.parley.node.events.NodeEvents.Counter;
import org.parley.node.messages.MessageService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's one handler. Every request goes the same way: route (404, or 405 with Allow), admit
 * (401, 403), check the query against the route's declared parameters (400), and only then the
 * route's handler. Whatever is refused on the way is answered as a {@link Problem}.
 */
final class Dispatcher implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    /** What a route does once admitted. */
    @FunctionalInterface
    interface Handler {
        Reply handle(Request request) throws IOException;
    }

    private final Map<Route, Handler> handlers;
    private final Authenticator authenticator;
    private final NodeEvents events;
    private final Function<HttpExchange, InetAddress> client;

    /**
     * {@code bind} gives every route its handler; an exhaustive switch there leaves none out. {@code
     * client} says who sent a request (the connection gate relays it: its own address is not the client's).
     */
    Dispatcher(
            Function<Route, Handler> bind,
            Authenticator authenticator,
            NodeEvents events,
            Function<HttpExchange, InetAddress> client) {
        Map<Route, Handler> map = new EnumMap<>(Route.class);
        for (Route route : Route.values()) {
            map.put(route, bind.apply(route));
        }
        this.handlers = map;
        this.authenticator = authenticator;
        this.events = events;
        this.client = client;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            events.count(Counter.API_REQUESTS);
            try {
                Responses.write(ex, dispatch(ex));
            } catch (Problem p) {
                refuse(ex, p);
            } catch (MessageService.Refused r) {
                refuse(ex, new Problem(r.status(), String.valueOf(r.getMessage())));
            } catch (IllegalArgumentException e) {
                refuse(ex, new Problem(400, String.valueOf(e.getMessage())));
            } catch (RuntimeException e) {
                LOG.error("operator API failed on {} {}", ex.getRequestMethod(), ex.getRequestURI(), e);
                refuse(
                        ex,
                        new Problem(
                                500,
                                "internal error; the node log has the details ("
                                        + e.getClass().getSimpleName() + ")"));
            }
        }
    }

    private Reply dispatch(HttpExchange ex) throws IOException {
        Router.Found found = route(ex.getRequestMethod(), ex.getRequestURI().getPath());
        Identity identity = authenticator.admit(found.route(), ex.getRequestHeaders(), client.apply(ex));
        String accept =
                Optional.ofNullable(ex.getRequestHeaders().getFirst("Accept")).orElse("");
        return run(found, Optional.ofNullable(ex.getRequestURI().getRawQuery()), identity, ex.getRequestBody(), accept);
    }

    /**
     * One request in-process for an operator the console signed in: the same routing, role check,
     * query check and handler as over HTTP; refusals are thrown as {@link Problem} or {@link
     * MessageService.Refused}.
     */
    Reply dispatchAs(
            Identity.Operator operator, String method, String path, Optional<String> rawQuery, InputStream body)
            throws IOException {
        Router.Found found = route(method, path);
        // In-process callers read JSON: the default representation of every route.
        return run(found, rawQuery, Authenticator.check(found.route(), operator), body, "");
    }

    private static Router.Found route(String method, String path) {
        return switch (Router.resolve(method, path)) {
            case Router.Found f -> f;
            case Router.NotFound n ->
                throw new Problem(404, "no such resource: " + n.path() + "; see /openapi.json for the API");
            case Router.MethodNotAllowed m ->
                throw new Problem(
                        405,
                        "use " + String.join(" or ", m.allowed()) + " here, not " + m.method(),
                        Map.of("Allow", String.join(", ", m.allowed())));
        };
    }

    private Reply run(Router.Found found, Optional<String> rawQuery, Identity identity, InputStream body, String accept)
            throws IOException {
        Map<String, String> query = Request.parseQuery(rawQuery);
        for (String name : query.keySet()) {
            if (!found.route().queryParameters().contains(name)) {
                throw new Problem(400, unknownQuery(found.route(), name));
            }
        }
        Request request = new Request(found.route(), found.parameters(), query, identity, body, accept);
        Handler handler = handlers.get(found.route());
        if (handler == null) {
            throw new IllegalStateException("no handler bound to " + found.route());
        }
        return handler.handle(request);
    }

    private static String unknownQuery(Route route, String name) {
        return "unknown query parameter '" + name + "'; " + route
                + (route.queryParameters().isEmpty()
                        ? " takes none"
                        : " takes " + String.join(", ", route.queryParameters()));
    }

    private void refuse(HttpExchange ex, Problem problem) throws IOException {
        events.count(Counter.API_ERRORS);
        Responses.problem(ex, problem);
    }
}
