package org.parley.node.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.parley.federation.Federation;
import org.parley.federation.gate.ConnectionGate;
import org.parley.node.NodeConfig;
import org.parley.node.events.NodeEvents;
import org.parley.node.messages.MessageService;
import org.parley.node.record.NodeDialogue;
import org.parley.node.record.NodeLedger;
import org.parley.node.watch.EncounterWatch;

/**
 * The operators' HTTPS API, on its own port (never the federation port). Its routes, each with the
 * access it needs, are the table in {@link Route}; every request is routed (404, or 405 with Allow),
 * then authenticated by bearer token and role, then handled (see {@link Dispatcher}). Operators
 * present a token from the node config, which names them and their role; every change is audited by
 * {@link MessageService}. Errors are RFC 9457 problem documents whose {@code detail} says what to
 * fix. The routes are documented in the OpenAPI 3.1 document served at {@code /openapi.json}.
 */
public final class OperatorApi implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OperatorApi.class);
    private final HttpsServer server;
    private final ConnectionGate gate;
    private final ExecutorService executor;
    private final InProcess inProcess;
    private final NodeEvents events;

    private OperatorApi(
            HttpsServer server, ConnectionGate gate, ExecutorService executor, InProcess inProcess, NodeEvents events) {
        this.server = server;
        this.gate = gate;
        this.executor = executor;
        this.inProcess = inProcess;
        this.events = events;
    }

    /** An operator as the API knows them: the name audit records show, and the role routes check. */
    public record Caller(String name, NodeConfig.Role role) {
        public Caller {
            if (name.isBlank()) {
                throw new IllegalArgumentException("an operator has a name");
            }
        }
    }

    /** An in-process call's answer: the HTTP status, media type and body the route gave. */
    public record Answer(int status, String contentType, String body) {}

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
            EncounterWatch watch,
            NodeLedger ledger,
            NodeEvents events,
            Federation federation,
            String storeEngine,
            InstantSource clock) {
        long inClear = config.tokens().keySet().stream()
                .filter(key -> !key.startsWith(NodeConfig.OperatorToken.HASH_PREFIX))
                .count();
        if (inClear > 0) {
            LOG.warn(
                    "operator.tokens holds {} token(s) in clear: anyone who reads node.yaml can use them;"
                            + " replace each with the line 'parley node token' prints (docs/security.md)",
                    inClear);
        }
        NodeRoutes node =
                new NodeRoutes(config, messages, events, federation::linkStatus, storeEngine, clock, watch, ledger);
        PeerKeyRoutes peerKeys = new PeerKeyRoutes(federation, events, clock);
        MessageRoutes messageRoutes = new MessageRoutes(messages);
        DialogueRoutes dialogueRoutes = new DialogueRoutes(config, messages, dialogue, clock);
        WatchRoutes watchRoutes = new WatchRoutes(watch, config.party());
        ProofRoutes proofs = new ProofRoutes(ledger);
        Authenticator authenticator = new Authenticator(
                config.tokens(), (action, subject, detail) -> events.audit("api", action, subject, detail), clock);
        HttpsServer server = server(ssl);
        ConnectionGate gate;
        try {
            gate = ConnectionGate.open(
                    config.operatorListen(), server.getAddress(), config.operatorConnections(), "operator");
        } catch (IOException e) {
            server.stop(0);
            throw new UncheckedIOException("cannot listen on " + config.operatorListen() + ": " + e.getMessage(), e);
        }
        Dispatcher dispatcher = new Dispatcher(
                route -> handler(route, node, messageRoutes, dialogueRoutes, watchRoutes, proofs, peerKeys),
                authenticator,
                events,
                ex -> gate.clientOf(ex.getRemoteAddress()).getAddress());
        server.createContext("/", dispatcher);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.start();
        return new OperatorApi(server, gate, executor, new InProcess(dispatcher, authenticator, events), events);
    }

    /**
     * The JDK server on a loopback port of its own; the {@link ConnectionGate} owns the operator
     * port in front of it and caps connections per port and per address (issue 19, item 1).
     */
    private static HttpsServer server(SSLContext ssl) {
        HttpsServer server;
        try {
            org.parley.federation.Federation
                    .applyServerLimits(); // time limits on stalled connections (issue 19, item 1)
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on a loopback port: " + e.getMessage(), e);
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
        return server;
    }

    /** Each route's handler; the switch is exhaustive, so a route added to the table must get one. */
    private static Dispatcher.Handler handler(
            Route route,
            NodeRoutes node,
            MessageRoutes messages,
            DialogueRoutes dialogue,
            WatchRoutes watch,
            ProofRoutes proofs,
            PeerKeyRoutes peerKeys) {
        return switch (route) {
            case HEALTH -> node::health;
            case METRICS -> node::metrics;
            case OPENAPI -> node::openApi;
            case POSITIONS -> watch::positions;
            case TRACKS -> watch::tracks;
            case INCIDENTS -> watch::incidents;
            case GET_INCIDENT -> watch::incident;
            case SEND_INCIDENT_NOTICE -> watch::sendNotice;
            case DISCARD_INCIDENT_NOTICE -> watch::discardNotice;
            case SEND_MESSAGE -> messages::send;
            case GET_MESSAGE -> messages::message;
            case ACKNOWLEDGE -> messages::acknowledge;
            case INBOX -> messages::inbox;
            case OUTBOX -> messages::outbox;
            case LINK -> node::link;
            case ALARMS -> node::alarms;
            case ACKNOWLEDGE_ALARM -> node::acknowledgeAlarm;
            case PHRASEBOOK -> messages::phrasebook;
            case SET_ACK_DEADLINE -> messages::setAckDeadline;
            case PEER_KEY_REVOCATIONS -> peerKeys::list;
            case REVOKE_PEER_KEY -> peerKeys::revoke;
            case DIALOGUE -> dialogue::listing;
            case REQUEST_TALKS -> dialogue::requestTalks;
            case ANSWER_TALKS -> dialogue::answerTalks;
            case DIALOGUE_STATS -> dialogue::stats;
            case CHANNEL_NOTICES -> dialogue::notices;
            case SEND_CHANNEL_NOTICE -> dialogue::sendNotice;
            case EVENTS -> node::events;
            case PROOF_BUNDLE -> proofs::bundle;
        };
    }

    public int port() {
        return gate.address().getPort();
    }

    // --- for the console (org.parley.node.console, issue 18) ---

    /** The operator a bearer token names, if any: the console's sign-in checks tokens here. */
    public Optional<Caller> caller(String token) {
        return inProcess.caller(token);
    }

    /**
     * The console's sign-in form: the operator {@code token} names, if any, with the same
     * per-address throttle and audit as a bearer token on the API (a failure here counts in the
     * same window).
     *
     * @throws Throttled while {@code from} is over its failed sign-ins for the current minute
     */
    public Optional<Caller> signIn(String token, InetAddress from) {
        return inProcess.signIn(token, from);
    }

    /** Too many failed sign-ins from one address: answer 429 with Retry-After. */
    public static final class Throttled extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long retryAfterSeconds;

        Throttled(String message, long retryAfterSeconds) {
            super(message);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /**
     * Runs one API route in-process as {@code caller}: the same routing, role check, validation,
     * handler and audit as over HTTPS, so the console holds no business logic and no role rules of
     * its own. {@code pathAndQuery} is e.g. {@code /api/v1/inbox?limit=50}; {@code jsonBody} is
     * empty for a GET.
     */
    public Answer call(Caller caller, String method, String pathAndQuery, String jsonBody) {
        return inProcess.call(caller, method, pathAndQuery, jsonBody);
    }

    /**
     * Whether {@code caller} may call {@code method path} (the console shows only the controls its
     * operator may use; the call itself is checked again).
     */
    public boolean permits(Caller caller, String method, String path) {
        return inProcess.permits(caller, method, path);
    }

    /** Who sent a request on this port (the gate relays connections, so its address is not the client's). */
    public InetAddress clientAddress(HttpExchange exchange) {
        return gate.clientOf(exchange.getRemoteAddress()).getAddress();
    }

    /** Serves {@code handler} under {@code pathPrefix} on this port (the console's pages). */
    public void mount(String pathPrefix, HttpHandler handler) {
        server.createContext(pathPrefix, handler);
    }

    @Override
    public void close() {
        // Event streams wait for events; end them first, or the executor would wait for them.
        events.closeSubscribers();
        gate.close();
        server.stop(0);
        executor.close();
    }
}
