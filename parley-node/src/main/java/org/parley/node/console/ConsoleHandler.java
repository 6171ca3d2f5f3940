package org.parley.node.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.parley.node.api.EventStreams;
import org.parley.node.api.OperatorApi;
import org.parley.node.events.NodeEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every console request: security headers, sign-in and sign-out, the session cookie, the CSRF check
 * on every POST, then {@link Pages} (GET) or {@link Actions} (POST). The session cookie is {@code
 * __Host-}prefixed, HttpOnly, Secure and SameSite=Strict, named per party so that two nodes' consoles
 * on one host do not sign each other out.
 */
final class ConsoleHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleHandler.class);
    private static final int EVENT_QUEUE = 256;

    private final OperatorApi api;
    private final String party;
    private final Sessions sessions;
    private final Templates templates;
    private final NodeEvents events;
    private final Pages pages;
    private final Actions actions;
    private final String cookieName;

    ConsoleHandler(OperatorApi api, String party, Sessions sessions, Templates templates, NodeEvents events) {
        this.api = api;
        this.party = party;
        this.sessions = sessions;
        this.templates = templates;
        this.events = events;
        this.pages = new Pages(api, party, templates);
        this.actions = new Actions(api, pages);
        this.cookieName = "__Host-parley-" + party;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Exchange.securityHeaders(ex);
            try {
                route(ex);
            } catch (Refusal r) {
                Exchange.html(ex, r.status, error(r.status, String.valueOf(r.getMessage())));
            } catch (IllegalArgumentException e) {
                Exchange.html(ex, 400, error(400, String.valueOf(e.getMessage())));
            } catch (RuntimeException e) {
                LOG.error("console failed on {} {}", ex.getRequestMethod(), ex.getRequestURI(), e);
                Exchange.html(ex, 500, error(500, "internal error; the node log has the details"));
            }
        }
    }

    private void route(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        if (path.equals("/login")) {
            login(ex, method);
            return;
        }
        if (path.startsWith("/console/assets/") && method.equals("GET")) {
            Assets.serve(ex, path.substring("/console/assets/".length()));
            return;
        }
        Optional<Sessions.Session> session = Exchange.cookie(ex, cookieName).flatMap(sessions::find);
        if (session.isEmpty()) {
            if (method.equals("GET") && !path.equals("/console/events")) {
                Exchange.redirect(ex, "/login");
                return;
            }
            throw new Refusal(401, "sign in first: the session is missing or has expired");
        }
        Sessions.Session s = session.get();
        if (method.equals("GET")) {
            get(ex, s, path);
        } else if (method.equals("POST")) {
            Map<String, String> form = Exchange.form(ex);
            String presented = Optional.ofNullable(ex.getRequestHeaders().getFirst("X-CSRF-Token"))
                    .orElse(form.getOrDefault("_csrf", ""));
            if (!s.csrfMatches(presented)) {
                throw new Refusal(403, "the request carried no valid CSRF token; reload the page and try again");
            }
            post(ex, s, path, form);
        } else {
            ex.getResponseHeaders().set("Allow", "GET, POST");
            throw new Refusal(405, "use GET or POST in the console");
        }
    }

    private void get(HttpExchange ex, Sessions.Session s, String path) throws IOException {
        if (path.equals("/console/events")) {
            EventStreams.serve(ex, events.subscribe(EVENT_QUEUE));
        } else if (path.startsWith("/console/messages/") && path.endsWith("/proof")) {
            proof(ex, s, path.substring("/console/messages/".length(), path.length() - "/proof".length()));
        } else if (path.startsWith("/console/data/")) {
            // The map's data, read from the operator API as this operator (tracks, incidents).
            OperatorApi.Answer answer = api.call(
                    s.caller,
                    "GET",
                    "/api/v1/" + path.substring("/console/data/".length())
                            + Optional.ofNullable(ex.getRequestURI().getRawQuery())
                                    .map(q -> "?" + q)
                                    .orElse(""),
                    "");
            Exchange.send(
                    ex, answer.status(), answer.contentType(), answer.body().getBytes(StandardCharsets.UTF_8));
        } else if (path.equals("/console") || path.equals("/console/")) {
            Exchange.redirect(ex, "/console/inbox");
        } else {
            Exchange.html(ex, 200, pages.page(s, path, Exchange.query(ex)));
        }
    }

    /** The message's proof bundle as a download, or the API's reason why there is none yet. */
    private void proof(HttpExchange ex, Sessions.Session s, String id) throws IOException {
        if (!id.matches("[0-9a-f-]{36}")) {
            throw new Refusal(400, "not a message id: " + id);
        }
        OperatorApi.Answer answer = api.call(s.caller, "GET", "/api/v1/messages/" + id + "/proof", "");
        Pages.json(answer); // throws the API's refusal as an error page
        ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"proof-" + id + ".json\"");
        Exchange.send(ex, 200, "application/json", answer.body().getBytes(StandardCharsets.UTF_8));
    }

    private void post(HttpExchange ex, Sessions.Session s, String path, Map<String, String> form) throws IOException {
        switch (path) {
            case "/console/logout" -> {
                sessions.close(s.id);
                ex.getResponseHeaders()
                        .add("Set-Cookie", cookieName + "=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Strict");
                Exchange.redirect(ex, "/login");
            }
            case "/console/language" -> {
                s.language = "zh".equals(s.language) ? "en" : "zh";
                // Back to the view the switch was pressed on (the console sends no Referer).
                String back = form.getOrDefault("back", "");
                Exchange.redirect(ex, back.matches("/console/[a-z]+") ? back : "/console/inbox");
            }
            default -> actions.handle(ex, s, path, form);
        }
    }

    private void login(HttpExchange ex, String method) throws IOException {
        Optional<OperatorApi.Caller> caller;
        if (method.equals("GET")) {
            String code = Exchange.query(ex).getOrDefault("code", "");
            if (code.isEmpty()) {
                loginPage(ex, 200, "");
                return;
            }
            caller = sessions.redeem(code);
            if (caller.isEmpty()) {
                loginPage(
                        ex,
                        401,
                        "This sign-in link was used already or is older than 10 minutes; sign in with your token"
                                + " or ask for a new link.");
                return;
            }
        } else if (method.equals("POST")) {
            sameOrigin(ex);
            caller = signIn(ex, Exchange.form(ex).getOrDefault("token", ""));
            if (caller.isEmpty()) {
                loginPage(ex, 401, "Unknown operator token; use the one listed for you under operator.tokens.");
                return;
            }
        } else {
            throw new Refusal(405, "use GET or POST on /login");
        }
        Sessions.Session session;
        try {
            session = sessions.open(caller.get());
        } catch (Sessions.Full full) {
            loginPage(ex, 429, String.valueOf(full.getMessage()));
            return;
        }
        ex.getResponseHeaders()
                .add("Set-Cookie", cookieName + "=" + session.id + "; Path=/; HttpOnly; Secure; SameSite=Strict");
        Exchange.redirect(ex, "/console/inbox");
    }

    /** The sign-in page with {@code error} (empty: none) under the form. */
    private void loginPage(HttpExchange ex, int status, String error) throws IOException {
        Exchange.html(ex, status, templates.render("login", Map.of("party", party, "error", error)));
    }

    /** The API's sign-in throttle (30 failures a minute per address, then 429) holds for the form too. */
    private Optional<OperatorApi.Caller> signIn(HttpExchange ex, String token) {
        try {
            return api.signIn(token, api.clientAddress(ex));
        } catch (OperatorApi.Throttled t) {
            ex.getResponseHeaders().set("Retry-After", Long.toString(t.retryAfterSeconds()));
            throw new Refusal(429, String.valueOf(t.getMessage()));
        }
    }

    /** A sign-in form posted from another site (login CSRF) is refused: its Origin is not ours. */
    private static void sameOrigin(HttpExchange ex) {
        String origin = ex.getRequestHeaders().getFirst("Origin");
        String host = ex.getRequestHeaders().getFirst("Host");
        if (origin != null && (host == null || !origin.equals("https://" + host))) {
            throw new Refusal(403, "sign-in posted from " + origin + ", not from this console");
        }
    }

    private String error(int status, String detail) {
        return templates.render("error", Map.of("party", party, "status", status, "detail", detail));
    }

    /** A refusal shown to the operator as an error page with the given status. */
    static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        Refusal(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
