package org.parley.federation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.parley.crypto.PartyIdentity;
import org.parley.crypto.Signer;
import org.parley.crypto.VerifiedEnvelope;
import org.parley.crypto.Verifier;
import org.parley.wire.Category;
import org.parley.wire.Envelope;
import org.parley.wire.EnvelopeCodec;
import org.parley.wire.Payload;
import org.parley.wire.Precedence;
import org.parley.wire.SignedEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's link to its peer: the mutual-TLS endpoint that receives, the loop that delivers the
 * outbox, and the link tests. The node commits an envelope to its outbox, then calls {@link
 * #wake()}; everything else happens here.
 */
public final class Federation implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Federation.class);

    private final FederationConfig config;
    private final PartyIdentity identity;
    private final InstantSource clock;
    private final SecureRandom random;
    private final FederationServer server;
    private final Outbound outbound;
    private final LinkMonitor monitor;
    private final OutboxSignal signal;
    /** Loops of the OTHERS lane: two, so one batch is posted while the previous one is settled. */
    private static final int PIPELINED_LOOPS = 2;

    /** Spare loops the watchdog may start per lane, so that a recurring stall cannot pile up threads. */
    private static final int MAX_REPLACEMENTS_PER_LANE = 4;

    private final List<Thread> deliveryThreads = new CopyOnWriteArrayList<>();
    /** Spare loops started so far, per lane (watchdog thread only). */
    private final Map<Outbound.Lane, Integer> replacements = new EnumMap<>(Outbound.Lane.class);

    /** The link-test loop and the watchdog. */
    private final List<Thread> scheduleThreads = new CopyOnWriteArrayList<>();

    /**
     * Own signing certificates sent with each batch at most, the newest: the peer refuses a batch
     * that carries more than 16 (docs/security.md); 16 rotations back is years of keys.
     */
    private static final int MAX_OWN_CERTIFICATES = 16;

    private final Verifier verifier;
    private final FederationListener listener;
    private final CryptoPool crypto = CryptoPool.perProcessor();

    private Federation(
            FederationConfig config,
            PartyIdentity identity,
            DeliveryStore store,
            InstantSource clock,
            SecureRandom random,
            FederationListener listener,
            OutboxSignal signal)
            throws IOException {
        this.config = config;
        this.identity = identity;
        this.clock = clock;
        this.random = random;
        Signer signer = identity.signer();
        Verifier verifier = identity.verifier();
        identity.applyPeerRevocations(verifier); // kept lists and local decisions hold across restarts
        this.verifier = verifier;
        this.listener = listener;
        var ssl = identity.sslContext();
        this.monitor = new LinkMonitor(clock, config.linkTestTimeout(), config.missesForAlarm(), event -> {
            LOG.warn("link {}", event);
            // The alarm before the audit row: a failing store must not keep it from the operators
            // (issue 19, item 5).
            listener.link(event);
            audit(store, "link." + event.getClass().getSimpleName(), event.toString());
        });
        // Our signing certificates travel with each batch and answer, not only the current one: an
        // envelope signed before a rotation and delivered after it, or a receipt or countersignature
        // by an earlier key, stays verifiable by a peer that never kept the earlier certificate
        // (issue 19, item 7). The newest MAX_OWN_CERTIFICATES of them: the peer caps a batch's.
        List<java.security.cert.X509Certificate> own = identity.signingCertificates();
        List<String> ownCertificates = own.subList(Math.max(0, own.size() - MAX_OWN_CERTIFICATES), own.size()).stream()
                .map(PartyIdentity::pem)
                .toList();
        this.outbound = new Outbound(
                config, ssl, signer, ownCertificates, verifier, store, clock, random, listener, crypto, signal);
        this.outbound.sendRevocations(identity.revocationListPem().stream().toList());
        // A POST from the peer is a sign that it is back, as an answer to ours is (issue 20).
        Outbound out = this.outbound;
        Inbound inbound = new Inbound(
                identity.party(), signer, verifier, store, clock, random, listener, crypto, out::peerContact);
        try {
            this.server =
                    new FederationServer(config.listen(), config.connectionLimits(), ssl, inbound, ownCertificates);
        } catch (IOException | RuntimeException e) {
            out.close(); // its HTTP clients' selector threads would outlive the failed start
            throw e;
        }
        this.signal = signal;
    }

    /** Starts the delivery loops, the link-test schedule and the watchdog (not in the constructor: they use this object). */
    private void begin(DeliveryStore store) {
        startLoop(Outbound.Lane.FLASH, "federation-delivery-flash");
        for (int i = 0; i < PIPELINED_LOOPS; i++) {
            startLoop(Outbound.Lane.OTHERS, "federation-delivery-" + i);
        }
        scheduleThreads.add(Thread.ofVirtual().name("federation-linktest").start(this::linkTestLoop));
        // A platform thread: it must run even if something starves the virtual threads' carriers.
        scheduleThreads.add(
                Thread.ofPlatform().daemon().name("federation-watchdog").start(() -> watchdogLoop(store)));
    }

    /** Starts the endpoint, the delivery loop and the link-test schedule. */
    public static Federation start(
            FederationConfig config,
            PartyIdentity identity,
            DeliveryStore store,
            InstantSource clock,
            SecureRandom random,
            FederationListener listener) {
        return start(config, identity, store, clock, random, listener, new OutboxSignal());
    }

    /**
     * Starts the endpoint, the delivery loop and the link-test schedule; {@code signal} is the one
     * the services that write the outbox were given.
     */
    public static Federation start(
            FederationConfig config,
            PartyIdentity identity,
            DeliveryStore store,
            InstantSource clock,
            SecureRandom random,
            FederationListener listener,
            OutboxSignal signal) {
        try {
            Federation federation = new Federation(config, identity, store, clock, random, listener, signal);
            federation.begin(store);
            return federation;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + config.listen() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sets the time limits of the JDK's HTTP server for every server of this process (see {@link
     * ServerLimits}); the operator API calls it before it creates its server, as {@link #start}
     * does. An operator's {@code -Dsun.net.httpserver.*} settings win.
     */
    public static void applyServerLimits() {
        ServerLimits.apply();
    }

    /** The address the endpoint listens on (useful when the configured port was 0). */
    public InetSocketAddress address() {
        return server.address();
    }

    /** A new envelope was committed to the outbox: deliver now rather than at the next poll. */
    public void wake() {
        signal.newEnvelopes();
    }

    public LinkStatus linkStatus() {
        monitor.expireOverdue();
        return monitor.status();
    }

    /** Index (0-based) of the peer endpoint in use. */
    public int currentEndpoint() {
        return outbound.currentEndpoint();
    }

    /**
     * Sends one link test now, straight to the peer (not through the outbox: it tests the link, not
     * the queue). Its receipt carries the peer's storage instant, which gives the clock offset.
     *
     * @return the round trip, or empty when the peer did not answer
     */
    public Optional<Duration> linkTest(Optional<String> treeHeadJson) {
        String nonce = HexFormat.of().formatHex(nonceBytes());
        Instant sentAt = clock.instant();
        Envelope envelope = Envelope.builder(clock, random)
                .from(identity.party())
                .to(verifier.peerParty())
                .precedence(Precedence.IMMEDIATE)
                .category(Category.LINKTEST)
                .payload(new Payload.LinkTest(nonce, sentAt, treeHeadJson))
                .signer(outbound.signer().keyId())
                .build();
        // The key the node started with, like every other envelope and tree head of this run: a
        // rotation on disk takes effect at the next start (docs/security.md).
        SignedEnvelope signed = outbound.signer().sign(envelope);
        monitor.sent(nonce, sentAt);
        try {
            // On the safety lane: a link test measures the link, not the queue of a bulk transfer.
            // It may probe the primary endpoint; FLASH deliveries do not (Outbound.post).
            Batch.Response response = outbound.post(
                    Outbound.Lane.FLASH, List.of(EnvelopeCodec.frame(signed)), true, config.linkTestRequestTimeout());
            if (response.results().isEmpty() || !(response.results().get(0) instanceof Batch.Result.Receipt r)) {
                LOG.warn("link test {} refused: {}", nonce, response.results());
                return Optional.empty();
            }
            VerifiedEnvelope receipt = outbound.verifyReceipt(r.frame(), envelope.id(), signed);
            Payload.Receipt payload = (Payload.Receipt) receipt.envelope().payload();
            monitor.answered(nonce, payload.storedAt());
            return monitor.status().lastRoundTrip();
        } catch (IOException | RuntimeException e) {
            if (monitor.status().answered() == 0) {
                // Until the peer has answered once, a refused connection usually means it is not up
                // yet (both nodes of a pair start at about the same time); the link alarm after
                // missesForAlarm unanswered tests still warns if it never comes.
                LOG.info("link test {} not answered yet (peer not reachable): {}", nonce, e.toString());
            } else {
                LOG.warn("link test {} failed: {}", nonce, e.toString());
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private Optional<String> attachment() {
        try {
            return listener.linkTestAttachment();
        } catch (RuntimeException e) {
            LOG.error("cannot prepare the link-test attachment; sending the test without it", e);
            return Optional.empty();
        }
    }

    /**
     * Revokes a peer signing key by this node's decision (issue 19, item 12): honoured at once by
     * the verifier and kept in the keys folder; the caller (an ADMIN's request) audits it.
     */
    public void revokePeerKey(org.parley.crypto.Revocation revocation) {
        identity.keepPeerRevocation(revocation);
        verifier.revoke(revocation);
    }

    /** The peer key revocations honoured now, earliest first. */
    public List<org.parley.crypto.Revocation> peerKeyRevocations() {
        return verifier.revocations();
    }

    /** A peer signing certificate learned from the peer, to keep beside the node's keys. */
    public Optional<java.security.cert.X509Certificate> peerSigningCertificate(org.parley.wire.KeyId keyId) {
        return verifier.peerSigningCertificate(keyId);
    }

    /** The public key of a peer signing certificate learned from the peer (for tree-head signatures). */
    public Optional<java.security.PublicKey> peerSigningKey(org.parley.wire.KeyId keyId) {
        return verifier.peerSigningKey(keyId);
    }

    private byte[] nonceBytes() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Writes an audit row; a store that cannot is logged, never allowed to stop a loop (issue 19, item 5). */
    private static void audit(DeliveryStore store, String event, String detail) {
        try {
            store.audit(event, detail);
        } catch (RuntimeException e) {
            LOG.error("audit row {} not written: {}", event, e.toString());
        }
    }

    /**
     * Sends a link test every interval and counts the unanswered ones. Nothing may end it but the
     * interrupt at close (issue 19, item 5): a failure is logged and the loop goes on.
     */
    private void linkTestLoop() {
        Instant next = clock.instant();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                monitor.expireOverdue();
                if (!clock.instant().isBefore(next)) {
                    next = clock.instant().plus(config.linkTestInterval());
                    linkTest(attachment());
                }
            } catch (RuntimeException e) {
                LOG.error("link-test loop failed; it goes on", e);
            }
            try {
                Thread.sleep(
                        Math.min(1000, Math.max(50, config.linkTestInterval().toMillis() / 4)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Every delivery loop runs on a platform thread of its own (issue 20). The FLASH loop, because a
     * virtual thread waits for a free carrier while the kernel schedules a platform thread that wakes
     * for a FLASH within its time slice. The bulk loops, because they are what would hold the
     * carriers: their SQLite calls pin a carrier through every fsync (native code) and their batch
     * encoding keeps one busy for milliseconds, and the connection gate's relays, which carry the
     * FLASH's bytes in and out of this node, run on those carriers. A few loops per node.
     */
    @SuppressWarnings("ThreadPriorityCheck") // the lanes' priorities are the point (issue 20, LanePriority)
    private void startLoop(Outbound.Lane lane, String name) {
        Thread loop = Thread.ofPlatform().daemon().name(name).unstarted(() -> outbound.run(lane));
        loop.setPriority(lane == Outbound.Lane.FLASH ? LanePriority.SAFETY : LanePriority.BULK);
        loop.start();
        deliveryThreads.add(loop);
    }

    /**
     * How long a delivery loop may take for one round before it counts as stuck: a round posts one
     * batch to each endpoint in turn (each up to the request timeout) and settles it, so twice that
     * plus ten seconds for the store.
     */
    Duration stallLimit() {
        return config.requestTimeout()
                .multipliedBy(2L * config.peerEndpoints().size())
                .plusSeconds(10);
    }

    /**
     * Starts another loop for the lane of a stuck one, so that the lane's envelopes move on,
     * including the batch the stuck loop had taken (handed back by {@link Outbound#stalls}); at most
     * {@value #MAX_REPLACEMENTS_PER_LANE} per lane in the life of the node.
     */
    private void replace(DeliveryStall.Stuck stuck) {
        Outbound.Lane lane = Outbound.Lane.valueOf(stuck.lane());
        int n = replacements.merge(lane, 1, Integer::sum);
        if (n > MAX_REPLACEMENTS_PER_LANE) {
            LOG.error("{} delivery loops stuck {} times; not starting another", lane, n);
            return;
        }
        String name = "federation-delivery-" + lane.name().toLowerCase(Locale.ROOT) + "-spare-" + n;
        LOG.warn("starting {} to serve the {} lane while {} is stuck", name, lane, stuck.thread());
        startLoop(lane, name);
    }

    private void watchdogLoop(DeliveryStore store) {
        Duration limit = stallLimit();
        while (!Thread.currentThread().isInterrupted()) {
            for (DeliveryStall stall : outbound.stalls(limit)) {
                try {
                    report(stall, store);
                } catch (RuntimeException e) {
                    LOG.error("the delivery watchdog could not report {}; it keeps watching", stall, e);
                }
            }
            for (FlashOverdue overdue : outbound.overdueFlash()) {
                try {
                    LOG.error(
                            "FLASH {} has no receipt after {} s and {} failed attempts; last error: {}",
                            overdue.id(),
                            overdue.waited().toSeconds(),
                            overdue.failedAttempts(),
                            overdue.lastError());
                    listener.flashOverdue(overdue);
                    audit(
                            store,
                            "federation.flash-overdue",
                            overdue.id() + " " + overdue.failedAttempts() + " failed attempts");
                } catch (RuntimeException e) {
                    LOG.error("the delivery watchdog could not report {}; it keeps watching", overdue, e);
                }
            }
            try {
                Thread.sleep(Duration.ofSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void report(DeliveryStall stall, DeliveryStore store) {
        switch (stall) {
            case DeliveryStall.Stuck stuck -> {
                LOG.error(
                        "delivery loop {} ({}) has not come round for {} s: {} envelopes wait; the {} it held"
                                + " are handed to a spare loop. It is at:{}",
                        stuck.thread(),
                        stuck.lane(),
                        stuck.stuckFor().toSeconds(),
                        stuck.lane(),
                        stuck.handedBack(),
                        stuck.where());
                replace(stuck);
            }
            case DeliveryStall.Resumed resumed ->
                LOG.warn("delivery loop {} ({}) comes round again", resumed.thread(), resumed.lane());
        }
        listener.delivery(stall);
        audit(store, "federation.delivery." + stall.getClass().getSimpleName(), stall.lane());
    }

    @Override
    public void close() {
        deliveryThreads.forEach(Thread::interrupt);
        scheduleThreads.forEach(Thread::interrupt);
        server.close();
        try {
            for (Thread thread : deliveryThreads) {
                thread.join(Duration.ofSeconds(5));
            }
            for (Thread thread : scheduleThreads) {
                thread.join(Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            outbound.close();
            crypto.close();
        }
    }
}
