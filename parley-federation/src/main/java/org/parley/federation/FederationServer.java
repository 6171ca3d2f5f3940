package org.parley.federation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLContext;
import org.parley.crypto.CryptoException;
import org.parley.crypto.PartyIdentity;
import org.parley.federation.gate.ConnectionGate;
import org.parley.federation.gate.ConnectionLimits;
import org.parley.wire.Party;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The federation endpoint: HTTPS, TLS 1.3 only, client certificate required and checked against
 * the pinned peer CA during the handshake (so an unknown CA, the wrong party or an expired
 * certificate never reaches a handler).
 *
 * <p>The JDK's {@code HttpsServer} is used rather than Helidon (DESIGN's first choice, which also
 * names this fallback): one endpoint with one POST route needs nothing more, and it keeps the TLS
 * configuration in plain JSSE where every setting is visible.
 */
final class FederationServer implements AutoCloseable {
    static final String PATH = "/federation/v1/envelopes";

    /**
     * The request header by which a sender's FLASH loop marks its posts (issue 20), and its value.
     * It is a scheduling hint only: such a request is handled at the safety lane's thread priority
     * ({@link LanePriority}), any other on a bulk thread; which store lane a batch takes is still
     * decided by its content ({@code Inbound}), so a peer that marks bulk batches as safety gains no
     * more than the CPU share of its own requests, which the connection limits already bound.
     */
    static final String LANE_HEADER = "Parley-Lane";

    static final String SAFETY_LANE = "safety";
    private static final Logger LOG = LoggerFactory.getLogger(FederationServer.class);
    /** Largest request body read; a larger one is answered 413 (issue 19, item 2). */
    static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

    private final HttpsServer server;
    private final ConnectionGate gate;
    /**
     * Platform threads, reused (issue 20): a request's thread does its TLS, parsing and store work,
     * and a FLASH request must not wait for a virtual-thread carrier that a bulk batch's SQLite
     * commit pins (native code) or its parsing keeps busy; the kernel time-slices platform threads.
     * Idle threads end after a minute. How many exist at once is bounded by the connections the
     * gate admits (ConnectionLimits).
     */
    private final ExecutorService executor = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("federation-in-", 0).factory());

    /**
     * Bulk requests are handled here, at bulk priority (issue 20): a request thread may not lower its
     * own priority for one request and raise it again for the next, since raising needs a privilege
     * the node may not have.
     */
    private final ExecutorService bulkIn =
            Executors.newCachedThreadPool(LanePriority.threads("federation-in-bulk-", LanePriority.BULK));

    private final Inbound inbound;
    private final List<String> ownCertificates;

    FederationServer(
            InetSocketAddress listen,
            ConnectionLimits limits,
            SSLContext ssl,
            Inbound inbound,
            List<String> ownCertificates)
            throws IOException {
        this.inbound = inbound;
        this.ownCertificates = List.copyOf(ownCertificates);
        ServerLimits.apply();
        // The server listens on loopback only; the gate owns the public port and caps connections
        // per port and per source address before any TLS (issue 19, item 1; decision 15).
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl) {
            @Override
            public void configure(HttpsParameters params) {
                params.setSSLParameters(PartyIdentity.sslParameters());
            }
        });
        server.createContext(PATH, this::handle);
        server.setExecutor(executor);
        server.start();
        try {
            gate = ConnectionGate.open(listen, server.getAddress(), limits, "federation");
        } catch (IOException e) {
            server.stop(0);
            executor.close();
            throw e;
        }
    }

    InetSocketAddress address() {
        return gate.address();
    }

    /** Serves a request at its lane's priority (see {@link #LANE_HEADER}). */
    @SuppressWarnings("ThreadPriorityCheck") // the lanes' priorities are the point (issue 20, LanePriority)
    private void handle(HttpExchange exchange) throws IOException {
        if (SAFETY_LANE.equals(exchange.getRequestHeaders().getFirst(LANE_HEADER))) {
            Thread self = Thread.currentThread();
            int before = self.getPriority();
            self.setPriority(LanePriority.SAFETY);
            try {
                serve(exchange);
            } finally {
                self.setPriority(before);
            }
            return;
        }
        Future<?> served = bulkIn.submit(() -> {
            serve(exchange);
            return null;
        });
        try {
            served.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            served.cancel(true);
            exchange.close();
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException runtime -> throw runtime;
                case null, default -> throw new IOException("federation request failed", e.getCause());
            }
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", "POST");
                reply(exchange, 405, Batch.error("use POST " + PATH));
                return;
            }
            Party peer;
            try {
                peer = PartyIdentity.peerPartyOf(((HttpsExchange) exchange).getSSLSession());
            } catch (CryptoException e) {
                reply(exchange, 403, Batch.error(String.valueOf(e.getMessage())));
                return;
            }
            byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                reply(exchange, 413, Batch.error("a request body may be at most " + MAX_BODY_BYTES + " bytes"));
                return;
            }
            byte[] answer;
            try {
                answer = Batch.writeResponse(ownCertificates, inbound.handle(peer, Batch.readRequest(body)));
            } catch (Inbound.BatchTooLarge e) {
                LOG.warn("batch too large from {}: {}", peer, e.getMessage());
                reply(exchange, 413, Batch.error(String.valueOf(e.getMessage())));
                return;
            } catch (IllegalArgumentException e) {
                LOG.warn("bad federation request from {}: {}", peer, e.getMessage());
                reply(exchange, 400, Batch.error(String.valueOf(e.getMessage())));
                return;
            }
            reply(exchange, 200, answer);
        } catch (RuntimeException e) {
            LOG.error("federation request failed", e);
            throw e;
        }
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders()
                .set("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        gate.close();
        server.stop(0);
        executor.close();
        bulkIn.shutdownNow();
    }
}
