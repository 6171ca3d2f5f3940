package org.parley.federation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.parley.crypto.Signer;
import org.parley.crypto.VerificationException;
import org.parley.crypto.VerifiedEnvelope;
import org.parley.crypto.Verifier;
import org.parley.store.StoreException;
import org.parley.wire.EnvelopeCodec;
import org.parley.wire.EnvelopeId;
import org.parley.wire.ParseResult;
import org.parley.wire.Payload;
import org.parley.wire.Precedence;
import org.parley.wire.SignedEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sending side of delivery (docs/decisions.md, decisions 3 and 4): serves the outbox FLASH first, posts
 * batches to the peer's endpoints with failover, retries with exponential backoff and full jitter
 * under the same envelope id, and removes an envelope from the outbox only for a verified receipt
 * that names it and the hash of exactly the bytes sent.
 */
final class Outbound {
    private static final Logger LOG = LoggerFactory.getLogger(Outbound.class);
    /** The base of {@link #answerLimitBytes}. */
    static final long ANSWER_BASE_BYTES = 1024 * 1024;

    static final long ANSWER_BYTES_PER_ENVELOPE = 8 * 1024;
    /** The longest delivery error kept with an outbox entry ({@code last_error}). */
    static final int STORED_ERROR_CHARS = 1000;

    private final FederationConfig config;
    private final Signer signer;
    private final Verifier verifier;
    private final DeliveryStore store;
    private final InstantSource clock;
    private final SecureRandom random;
    private final FederationListener listener;
    private final CryptoPool crypto;
    /** The bulk lane's client: its connections carry the batches of every precedence but FLASH. */
    private final HttpClient client;

    /**
     * The safety lane's client (issue 20): FLASH batches and link tests travel on connections of
     * their own, never queued on a connection that is sending a bulk batch or waiting for its answer.
     */
    private final HttpClient flashClient;

    /** The clients' worker threads, at their lane's priority. */
    private final ExecutorService bulkWorkers =
            Executors.newCachedThreadPool(LanePriority.threads("federation-out-bulk-", LanePriority.BULK));

    private final ExecutorService flashWorkers =
            Executors.newCachedThreadPool(LanePriority.threads("federation-out-flash-", LanePriority.SAFETY));

    /** The safety lane's view of the store (its transactions go first on SQLite's single writer). */
    private final DeliveryStore flashStore;

    /**
     * Set when an exchange with the peer failed (and at start): the next exchange that succeeds makes
     * every envelope waiting out its backoff due at once (issue 20).
     */
    private final AtomicBoolean retryOnContact = new AtomicBoolean(true);

    private final OutboxSignal signal;
    private final Claims flashClaims = new Claims();
    private final Claims otherClaims = new Claims();
    private final List<String> ownCertificates;
    /** This party's revocation list (PEM), sent with every batch; set once at start by the federation. */
    private volatile List<String> ownRevocations = List.of();

    private final List<Progress> loops = new CopyOnWriteArrayList<>();
    private volatile int current;
    /** Whether the peer has answered a post since this node started (see {@link #post}). */
    private volatile boolean peerAnswered;

    private Instant onFallbackSince = Instant.MIN;

    /** FLASH envelopes with a failed attempt and no receipt yet (issue 19, item 9). */
    private final Map<EnvelopeId, Unreceipted> unreceipted = new ConcurrentHashMap<>();

    private record Unreceipted(Instant created, int failedAttempts, String lastError, boolean reported) {}

    Outbound(
            FederationConfig config,
            SSLContext ssl,
            Signer signer,
            List<String> ownCertificates,
            Verifier verifier,
            DeliveryStore store,
            InstantSource clock,
            SecureRandom random,
            FederationListener listener,
            CryptoPool crypto,
            OutboxSignal signal) {
        this.config = config;
        this.signer = signer;
        this.verifier = verifier;
        this.store = store;
        this.clock = clock;
        this.random = random;
        this.listener = listener;
        this.crypto = crypto;
        this.signal = signal;
        this.ownCertificates = List.copyOf(ownCertificates);
        this.client = newClient(ssl, config, bulkWorkers, LanePriority.BULK);
        this.flashClient = newClient(ssl, config, flashWorkers, LanePriority.SAFETY);
        this.flashStore = store.safetyLane();
    }

    /**
     * A client whose threads run at its lane's priority (issue 20): its workers (TLS, body handling)
     * come from {@code workers}, and its selector thread, started as it is built, inherits the
     * priority of the thread that builds it.
     */
    private static HttpClient newClient(
            SSLContext ssl, FederationConfig config, ExecutorService workers, int priority) {
        SSLParameters tls = new SSLParameters();
        tls.setProtocols(new String[] {"TLSv1.3"});
        return LanePriority.startedAt(
                priority,
                () -> HttpClient.newBuilder()
                        .sslContext(ssl)
                        .sslParameters(tls)
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(config.requestTimeout())
                        .executor(workers)
                        .build());
    }

    private DeliveryStore storeFor(Lane lane) {
        return lane == Lane.FLASH ? flashStore : store;
    }

    private HttpClient clientFor(Lane lane) {
        return lane == Lane.FLASH ? flashClient : client;
    }

    /**
     * An exchange with the peer succeeded (our POST answered, or the peer's POST received): if one
     * had failed since the last such call, every envelope waiting out its backoff goes now (issue
     * 20), and the delivery loops are woken.
     */
    void peerContact() {
        if (!retryOnContact.getAndSet(false)) {
            return;
        }
        try {
            int waiting = store.retryNow();
            if (waiting > 0) {
                LOG.info("peer reachable again: {} waiting envelopes are sent now", waiting);
            }
            signal.newEnvelopes();
        } catch (RuntimeException e) {
            retryOnContact.set(true); // try again at the next contact; the backoff caps still hold
            LOG.warn("cannot make the waiting envelopes due now: {}", e.toString());
        }
    }

    /**
     * Which outbox entries a delivery loop serves. FLASH has a loop of its own, so a FLASH is never
     * queued behind a batch of lower precedence being posted or settled (docs/decisions.md, decision 4, issue
     * 8); the other precedences share loops that take their batches FLASH-free, highest first.
     */
    enum Lane {
        FLASH,
        OTHERS;

        boolean serves(Precedence precedence) {
            return (precedence == Precedence.FLASH) == (this == FLASH);
        }
    }

    /**
     * The ids a lane's loops have taken and not yet settled. Taking (query + claim) and releasing
     * (after the outcome is committed) hold the same lock, so a loop never takes an envelope that
     * another loop is posting or has just marked delivered.
     */
    private static final class Claims {
        private final Set<EnvelopeId> taken = new HashSet<>();
        private final ReentrantLock lock = new ReentrantLock();

        /** Takes a batch for {@code loop}, which holds it until {@link #release}. */
        List<DeliveryStore.Outbound> take(Progress loop, Lane lane, DeliveryStore store, Instant now, int limit) {
            lock.lock();
            try {
                List<DeliveryStore.Outbound> batch = new ArrayList<>(limit);
                // Look past the entries this lane already has in flight. Pending FLASH entries come
                // first in due order, so while some wait the OTHERS lane takes a smaller batch; the
                // FLASH lane drains them at once, reading only FLASH rows (issue 20).
                List<DeliveryStore.Outbound> due = lane == Lane.FLASH
                        ? store.dueFlash(now, limit + taken.size())
                        : store.due(now, limit + taken.size());
                for (DeliveryStore.Outbound o : due) {
                    if (batch.size() < limit && lane.serves(o.precedence()) && taken.add(o.id())) {
                        batch.add(o);
                    }
                }
                loop.holding = batch;
                return batch;
            } finally {
                lock.unlock();
            }
        }

        /** Gives back what {@code loop} holds, at the end of its round. */
        void release(Progress loop) {
            lock.lock();
            try {
                giveBack(loop);
            } finally {
                lock.unlock();
            }
        }

        /**
         * For the watchdog, which must not wait: gives back what a stuck {@code loop} holds, so that
         * another loop may send those envelopes again under the same ids (the peer answers with its
         * original receipts). Nothing when the lock is busy for a second, e.g. because the stuck
         * loop is stuck inside {@link #take} (it then holds nothing yet). A loop that returns late
         * finds nothing left to release, so it cannot release envelopes another loop took since.
         */
        int abandon(Progress loop) {
            try {
                if (!lock.tryLock(1, TimeUnit.SECONDS)) {
                    return 0;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
            try {
                return giveBack(loop);
            } finally {
                lock.unlock();
            }
        }

        private int giveBack(Progress loop) {
            List<DeliveryStore.Outbound> held = loop.holding;
            held.forEach(o -> taken.remove(o.id()));
            loop.holding = List.of();
            return held.size();
        }
    }

    /**
     * One delivery loop's progress, for {@link #stalls}: the thread that runs it and when it last
     * came round (monotonic nanoseconds). A loop comes round at least every 250 ms when idle.
     */
    private static final class Progress {
        final Lane lane;
        final Thread thread;
        volatile long turnedNanos = System.nanoTime();
        boolean reported;
        /** The batch this loop has taken and not yet settled (guarded by its lane's Claims lock). */
        List<DeliveryStore.Outbound> holding = List.of();

        Progress(Lane lane, Thread thread) {
            this.lane = lane;
            this.thread = thread;
        }
    }

    /**
     * Loops that have not come round for longer than {@code limit} (reported once per stall), and
     * loops reported before that have come round since. Envelopes of a stuck loop's lane wait while
     * link tests, which bypass the outbox, still pass: without this nobody would notice.
     */
    List<DeliveryStall> stalls(Duration limit) {
        List<DeliveryStall> changes = new ArrayList<>();
        long now = System.nanoTime();
        for (Progress loop : loops) {
            long stuckNanos = now - loop.turnedNanos;
            if (stuckNanos > limit.toNanos() && !loop.reported) {
                loop.reported = true;
                int handedBack = (loop.lane == Lane.FLASH ? flashClaims : otherClaims).abandon(loop);
                changes.add(new DeliveryStall.Stuck(
                        loop.lane.name(),
                        loop.thread.getName(),
                        Duration.ofNanos(stuckNanos),
                        handedBack,
                        stack(loop.thread)));
            } else if (stuckNanos <= limit.toNanos() && loop.reported) {
                loop.reported = false;
                changes.add(new DeliveryStall.Resumed(loop.lane.name(), loop.thread.getName()));
            }
        }
        return changes;
    }

    private static String stack(Thread thread) {
        StringBuilder out = new StringBuilder();
        StackTraceElement[] frames = thread.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, 25); i++) {
            out.append("\n\tat ").append(frames[i]);
        }
        return out.length() == 0 ? " (no stack: the thread has ended)" : out.toString();
    }

    /**
     * Stops the HTTP client (its selector thread would outlive the node otherwise); requests still
     * in flight fail and their envelopes stay in the outbox for the next start.
     */
    void close() {
        client.shutdownNow();
        flashClient.shutdownNow();
        try {
            client.awaitTermination(java.time.Duration.ofSeconds(5));
            flashClient.awaitTermination(java.time.Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        bulkWorkers.shutdownNow();
        flashWorkers.shutdownNow();
    }

    /**
     * A delivery loop for {@code lane}; returns when the thread is interrupted. Several loops of the
     * OTHERS lane pipeline: one posts its batch while another verifies and commits the receipts of
     * its own.
     */
    void run(Lane lane) {
        Semaphore wake = signal.register();
        Progress progress = new Progress(lane, Thread.currentThread());
        loops.add(progress);
        Claims claims = lane == Lane.FLASH ? flashClaims : otherClaims;
        DeliveryStore laneStore = storeFor(lane);
        while (!Thread.currentThread().isInterrupted()) {
            progress.turnedNanos = System.nanoTime();
            try {
                List<DeliveryStore.Outbound> due =
                        claims.take(progress, lane, laneStore, clock.instant(), config.batchSize());
                if (due.isEmpty()) {
                    wake.tryAcquire(250, TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                } else {
                    try {
                        deliver(due);
                    } finally {
                        claims.release(progress);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    return; // closing: a store call cut short by the interrupt is not an error
                }
                LOG.error("delivery loop error; continuing", e);
                sleepQuietly(Duration.ofMillis(500));
            }
        }
    }

    /** Posts one batch (of one lane: a FLASH batch goes on the safety lane); returns the number delivered. */
    int deliver(List<DeliveryStore.Outbound> batch) throws InterruptedException {
        if (batch.isEmpty()) {
            return 0;
        }
        Lane lane = batch.get(0).precedence() == Precedence.FLASH ? Lane.FLASH : Lane.OTHERS;
        DeliveryStore laneStore = storeFor(lane);
        List<byte[]> frames = new ArrayList<>(batch.size());
        batch.forEach(o -> frames.add(EnvelopeCodec.frame(o.signed())));
        Batch.Response response;
        try {
            response = post(lane, frames);
        } catch (IOException e) {
            Instant now = clock.instant();
            for (DeliveryStore.Outbound o : batch) {
                String error = clip(causes(e), STORED_ERROR_CHARS);
                failed(o, error);
                laneStore.retryLater(o.id(), now.plus(backoff(o.precedence(), o.attempts())), error);
            }
            // Set again after the retry times are stored: a contact since the failure must not leave
            // these to their backoff.
            retryOnContact.set(true);
            return 0;
        }
        return settle(laneStore, batch, response);
    }

    /**
     * Verifies the receipts of a batch in parallel, then marks the verified ones delivered in one
     * transaction (group commit, issue 8); the rest are retried later.
     */
    private int settle(DeliveryStore store, List<DeliveryStore.Outbound> batch, Batch.Response response) {
        int answered = Math.min(batch.size(), response.results().size());
        List<Integer> indices =
                java.util.stream.IntStream.range(0, answered).boxed().toList();
        List<Settled> settled = new ArrayList<>(
                crypto.map(indices, i -> check(batch.get(i), response.results().get(i))));
        for (int i = answered; i < batch.size(); i++) {
            settled.add(new Settled.Failed(batch.get(i), "the peer answered fewer results than envelopes sent"));
        }
        Instant now = clock.instant();
        List<Settled.Verified> verified = new ArrayList<>(settled.size());
        List<Settled.Failed> failed = new ArrayList<>();
        for (Settled s : settled) {
            switch (s) {
                case Settled.Verified v -> verified.add(v);
                case Settled.Failed f -> failed.add(f);
            }
        }
        List<Settled.Verified> stored = store(store, verified, failed, now);
        for (Settled.Failed f : failed) {
            LOG.warn("envelope {} not delivered: {}", f.sent().id(), f.problem());
            failed(f.sent(), clip(f.problem(), STORED_ERROR_CHARS));
            store.retryLater(
                    f.sent().id(),
                    now.plus(backoff(f.sent().precedence(), f.sent().attempts())),
                    clip(f.problem(), STORED_ERROR_CHARS));
        }
        stored.forEach(v -> unreceipted.remove(v.sent().id()));
        stored.forEach(v -> listener.delivered(v.sent().id(), v.receipt()));
        return stored.size();
    }

    /**
     * Commits the verified receipts, {@link Inbound#ROWS_PER_TRANSACTION} to a transaction so that a
     * FLASH's transactions never wait long behind a bulk batch's on SQLite's single writer (issue
     * 20), as the receiver does; returns those stored.
     */
    private static List<Settled.Verified> store(
            DeliveryStore store, List<Settled.Verified> verified, List<Settled.Failed> failed, Instant now) {
        List<Settled.Verified> stored = new ArrayList<>(verified.size());
        for (List<Settled.Verified> part : Inbound.parts(verified)) {
            stored.addAll(storePart(store, part, failed, now));
        }
        return stored;
    }

    /**
     * Commits the verified receipts in one transaction; if the store refuses the group, commits them
     * one by one so one bad receipt does not hold back the others (it joins {@code failed}).
     */
    private static List<Settled.Verified> storePart(
            DeliveryStore store, List<Settled.Verified> verified, List<Settled.Failed> failed, Instant now) {
        if (verified.isEmpty()) {
            return verified;
        }
        try {
            store.deliveredAll(
                    verified.stream()
                            .map(v -> new DeliveryStore.Delivered(v.sent().id(), v.receipt()))
                            .toList(),
                    now);
            return verified;
        } catch (StoreException e) {
            LOG.warn(
                    "the store refused a batch of {} receipts ({}); storing them one by one",
                    verified.size(),
                    e.getMessage());
        }
        List<Settled.Verified> stored = new ArrayList<>(verified.size());
        for (Settled.Verified v : verified) {
            try {
                store.delivered(v.sent().id(), v.receipt(), now);
                stored.add(v);
            } catch (StoreException e) {
                failed.add(new Settled.Failed(v.sent(), "receipt not stored: " + e.getMessage()));
            }
        }
        return stored;
    }

    /** Notes a failed attempt of a FLASH, for {@link #overdueFlash}. */
    private void failed(DeliveryStore.Outbound o, String error) {
        if (o.precedence() != Precedence.FLASH) {
            return;
        }
        Instant created =
                EnvelopeCodec.parse(o.signed().canonical()).orElseThrow().created();
        unreceipted.merge(
                o.id(),
                new Unreceipted(created, o.attempts() + 1, error, false),
                (old, next) -> new Unreceipted(old.created(), next.failedAttempts(), error, old.reported()));
    }

    /**
     * The FLASH envelopes, not reported before, that have waited longer than the configured limit
     * for a receipt or failed the configured number of attempts (issue 19, item 9); the watchdog
     * asks every second. Each is reported once; a receipt forgets it.
     */
    List<FlashOverdue> overdueFlash() {
        Instant now = clock.instant();
        List<FlashOverdue> overdue = new ArrayList<>();
        for (Map.Entry<EnvelopeId, Unreceipted> entry : unreceipted.entrySet()) {
            Unreceipted u = entry.getValue();
            Duration waited = Duration.between(u.created(), now);
            boolean late = waited.compareTo(config.flashReceiptAlarmAfter()) >= 0;
            if (!u.reported() && (late || u.failedAttempts() >= config.failedAttemptsForAlarm())) {
                unreceipted.computeIfPresent(
                        entry.getKey(),
                        (id, old) -> new Unreceipted(old.created(), old.failedAttempts(), old.lastError(), true));
                overdue.add(new FlashOverdue(entry.getKey(), u.created(), waited, u.failedAttempts(), u.lastError()));
            }
        }
        return overdue;
    }

    /** One envelope of a posted batch after its answer was checked. */
    private sealed interface Settled {
        record Verified(DeliveryStore.Outbound sent, VerifiedEnvelope receipt) implements Settled {}

        record Failed(DeliveryStore.Outbound sent, String problem) implements Settled {}
    }

    /** Runs on the crypto pool: the peer's answer for one envelope, verified. */
    private Settled check(DeliveryStore.Outbound sent, Batch.Result result) {
        return switch (result) {
            case Batch.Result.Refused error -> new Settled.Failed(sent, "refused by peer: " + error.reason());
            case Batch.Result.Receipt receipt -> {
                try {
                    yield new Settled.Verified(sent, verifyReceipt(receipt.frame(), sent.id(), sent.signed()));
                } catch (VerificationException | IllegalArgumentException e) {
                    yield new Settled.Failed(sent, "receipt refused: " + e.getMessage());
                }
            }
        };
    }

    /** Verifies a receipt frame and that it acknowledges exactly {@code sent}. */
    VerifiedEnvelope verifyReceipt(byte[] frame, EnvelopeId sentId, SignedEnvelope sent) {
        SignedEnvelope signed = switch (EnvelopeCodec.unframe(frame)) {
            case ParseResult.Parsed<SignedEnvelope> p -> p.value();
            case ParseResult.Rejected<SignedEnvelope> r -> throw new IllegalArgumentException(r.reason());
        };
        VerifiedEnvelope verified = verifier.verify(signed);
        if (!(verified.envelope().payload() instanceof Payload.Receipt receipt)) {
            throw new IllegalArgumentException(
                    "answer is a " + verified.envelope().payload().type() + ", not a receipt");
        }
        if (!receipt.envelopeId().equals(sentId)) {
            throw new IllegalArgumentException("receipt is for " + receipt.envelopeId() + ", not for " + sentId);
        }
        String expectedHash = sent.sha256Hex();
        if (!receipt.sha256Hex().equals(expectedHash)) {
            throw new IllegalArgumentException(
                    "receipt hash " + receipt.sha256Hex() + " is not the hash of the bytes sent");
        }
        return verified;
    }

    /** The revocation list (PEM) to send with every batch from now on (issue 19, item 12). */
    void sendRevocations(List<String> revocations) {
        this.ownRevocations = List.copyOf(revocations);
    }

    /** Posts frames on the bulk lane (see {@link #post(Lane, List)}). */
    Batch.Response post(List<byte[]> frames) throws IOException, InterruptedException {
        return post(Lane.OTHERS, frames);
    }

    /**
     * Posts frames on {@code lane}'s connections to the first endpoint that answers, starting from
     * the current one.
     */
    Batch.Response post(Lane lane, List<byte[]> frames) throws IOException, InterruptedException {
        // FLASH deliveries never probe the primary: a primary that stalls would hold a FLASH for
        // the request timeout (issue 20, stalled-endpoint fault). Bulk passes and link tests probe.
        return post(lane, frames, lane == Lane.OTHERS, config.requestTimeout());
    }

    /**
     * Posts frames on {@code lane}'s connections; {@code mayProbePrimary}: once {@code
     * returnToPrimaryAfter} has passed on a fallback endpoint, this pass tries the first endpoint
     * again, and only an answer from it moves the others back.
     */
    Batch.Response post(Lane lane, List<byte[]> frames, boolean mayProbePrimary, Duration timeout)
            throws IOException, InterruptedException {
        byte[] body = Batch.writeRequest(ownCertificates, ownRevocations, frames);
        List<URI> endpoints = config.peerEndpoints();
        IOException last = new IOException("no endpoint tried");
        // One start for the whole pass: another loop (the link test, the other lane) may switch
        // `current` while this one waits on a stalled endpoint, and reading it again each turn would
        // send this pass back to the endpoint it just gave up on (issue 20, stalled-endpoint fault).
        int start = mayProbePrimary ? startProbingPrimary() : current;
        for (int tried = 0; tried < endpoints.size(); tried++) {
            int index = (start + tried) % endpoints.size();
            URI uri = endpoints.get(index).resolve(FederationServer.PATH);
            try {
                Batch.Response response = postTo(lane, uri, body, frames.size(), timeout);
                peerAnswered = true;
                switchTo(index);
                learn(response.certificates());
                peerContact();
                return response;
            } catch (IOException e) {
                if (peerAnswered) {
                    LOG.warn("endpoint {} failed: {}", uri, causes(e));
                } else {
                    // Both nodes of a pair start at about the same time: until the peer has answered
                    // once, a refused connection is expected. The link alarm still warns if it stays so.
                    LOG.info("endpoint {} not answering yet: {}", uri, causes(e));
                }
                last = e;
            }
        }
        retryOnContact.set(true);
        throw last;
    }

    /**
     * One exchange with one endpoint, bounded as a whole (issue 19, item 10): the JDK client's
     * request timeout ends when the headers arrive, so a peer that sends headers and then trickles
     * or withholds the body would hold the delivery loop for ever; here the whole exchange, body
     * included, must finish within the request timeout, and the body may not exceed {@link
     * #answerLimitBytes}.
     */
    private Batch.Response postTo(Lane lane, URI uri, byte[] body, int envelopes, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(FederationServer.LANE_HEADER, lane == Lane.FLASH ? FederationServer.SAFETY_LANE : "bulk")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        long limit = answerLimitBytes(envelopes);
        CompletableFuture<HttpResponse<byte[]>> pending =
                clientFor(lane).sendAsync(request, info -> new BoundedBody(limit));
        HttpResponse<byte[]> response;
        try {
            response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true); // closes the connection the exchange used
            throw new HttpTimeoutException(
                    "no complete answer (headers and body) from " + uri + " within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException(uri + ": " + cause, cause);
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from " + uri + ": "
                    + clip(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8), 300));
        }
        try {
            return Batch.readResponse(response.body());
        } catch (IllegalArgumentException e) {
            throw new IOException("malformed answer from " + uri + ": " + clip(String.valueOf(e.getMessage()), 300), e);
        }
    }

    /**
     * {@code e} and its causes, one after the other: the JDK client reports any failure while it
     * connects (TLS handshake included) as a {@code ConnectException} carrying only its cause's
     * message, none at all when the cause had none, so the cause is what tells a refused
     * connection from a reset or a handshake that failed.
     */
    static String causes(Throwable e) {
        StringBuilder text = new StringBuilder(e.toString());
        Throwable cause = e.getCause();
        for (int depth = 0; cause != null && depth < 8; depth++, cause = cause.getCause()) {
            text.append(" <- ").append(cause);
        }
        return text.toString();
    }

    /**
     * The largest answer read for a batch of {@code envelopes}: 1 MiB, plus 8 KiB per envelope (a
     * receipt frame in base64 is under 2 KiB), so a full batch's answer always fits.
     */
    static long answerLimitBytes(int envelopes) {
        return ANSWER_BASE_BYTES + (long) envelopes * ANSWER_BYTES_PER_ENVELOPE;
    }

    /** {@code text} cut to at most {@code max} characters, saying how much was cut. */
    static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + "... (" + (text.length() - max) + " more characters not shown)";
    }

    private synchronized void switchTo(int index) {
        if (index != current) {
            LOG.warn(
                    "federation now uses endpoint {} ({})",
                    index + 1,
                    config.peerEndpoints().get(index));
            onFallbackSince = clock.instant();
        }
        current = index;
    }

    /**
     * Where a probing pass starts: the first endpoint once {@code returnToPrimaryAfter} has passed on
     * a fallback (and again only after another such interval, whatever this probe finds), else the
     * current one. {@code current} moves only when an endpoint answers ({@link #switchTo}).
     */
    private synchronized int startProbingPrimary() {
        Instant now = clock.instant();
        if (current != 0 && !now.isBefore(onFallbackSince.plus(config.returnToPrimaryAfter()))) {
            onFallbackSince = now;
            return 0;
        }
        return current;
    }

    synchronized int currentEndpoint() {
        return current;
    }

    private void learn(List<String> pems) {
        for (String pem : pems) {
            try {
                verifier.learn(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            } catch (RuntimeException e) {
                LOG.warn("peer certificate refused: {}", e.getMessage());
            }
        }
    }

    /**
     * Exponential backoff with full jitter: uniform in [0, min(cap, base * 2^attempts)], where the cap
     * is the precedence's (issue 20: a FLASH is retried at least every 2 s by default).
     */
    Duration backoff(Precedence precedence, int attempts) {
        long base = config.retryBase().toMillis();
        long cap = config.retryCap(precedence).toMillis();
        long ceiling = attempts >= 30 ? cap : Math.min(cap, base << attempts);
        return Duration.ofMillis(1 + (long) (random.nextDouble() * ceiling));
    }

    Signer signer() {
        return signer;
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
