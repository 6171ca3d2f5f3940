package org.parley.federation;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parley.crypto.CryptoException;
import org.parley.crypto.Signer;
import org.parley.crypto.VerificationException;
import org.parley.crypto.VerifiedEnvelope;
import org.parley.crypto.Verifier;
import org.parley.wire.Category;
import org.parley.wire.Envelope;
import org.parley.wire.EnvelopeCodec;
import org.parley.wire.EnvelopeId;
import org.parley.wire.ParseResult;
import org.parley.wire.Party;
import org.parley.wire.Payload;
import org.parley.wire.SignedEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiving side of delivery (docs/decisions.md, decision 3): verify the bytes received, store them with a
 * signed receipt in one transaction, then answer with the receipt; a duplicate gets the original. A
 * batch is stored in few transactions (group commit, issue 8), of at most {@value
 * #ROWS_PER_TRANSACTION} envelopes each (issue 20).
 */
final class Inbound {
    private static final Logger LOG = LoggerFactory.getLogger(Inbound.class);
    /**
     * Envelopes dated further ahead of this node's clock than this are refused, the same bound as
     * {@link #MAX_AGE} the other way. It is wide on purpose (issue 20, clock-step fault): the date is
     * signed, so a sender whose clock jumped ahead cannot fix its envelopes by retrying, and a
     * narrower bound held every message of such a node, FLASH included, for as long as its clock
     * was wrong. Replays are caught by the envelope id, not by the date.
     */
    static final Duration MAX_AHEAD = Duration.ofHours(24);

    /** An envelope dated further ahead than this is accepted but reported: the peer's clock is wrong. */
    static final Duration CLOCK_AHEAD_NOTICE = Duration.ofMinutes(5);

    /**
     * New envelopes created longer ago than this are refused (issue 19, item 12): a signature from a
     * certificate that has since expired cannot be passed off as new by back-dating. A retry of an
     * envelope already stored is answered with its receipt whatever its age.
     */
    static final Duration MAX_AGE = Duration.ofHours(24);

    /** Most envelopes in one batch (the sender's batchSize may be at most this too). */
    static final int MAX_ENVELOPES_PER_BATCH = 10_000;

    /**
     * Most new envelopes stored in one transaction (issue 20). On SQLite a FLASH waits for the one
     * transaction in progress at the single writer ({@code Turns}); a bulk batch stored whole held it
     * for as long as its 256 rows (or a peer's 10,000) took, so the receiver bounds its transactions
     * itself, whatever batch size the sender chose. Each part is committed before the next begins,
     * and a receipt still leaves only for an envelope whose part was committed.
     */
    static final int ROWS_PER_TRANSACTION = 64;

    /** {@code items} cut into consecutive parts of at most {@link #ROWS_PER_TRANSACTION}, in order (views). */
    static <T> List<List<T>> parts(List<T> items) {
        List<List<T>> parts = new ArrayList<>();
        for (int from = 0; from < items.size(); from += ROWS_PER_TRANSACTION) {
            parts.add(items.subList(from, Math.min(items.size(), from + ROWS_PER_TRANSACTION)));
        }
        return parts;
    }

    /** Most signing certificates one batch may carry (a sender sends its current one). */
    static final int MAX_CERTIFICATES_PER_BATCH = 16;

    /** Most revocation lists one batch may carry (a sender sends its one list). */
    static final int MAX_REVOCATION_LISTS_PER_BATCH = 4;

    /** A batch over the limits: the server answers 413 with the message. */
    static final class BatchTooLarge extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        BatchTooLarge(String message) {
            super(message);
        }
    }

    private final Party own;
    private final Signer signer;
    private final Verifier verifier;
    private final DeliveryStore store;
    private final InstantSource clock;
    private final java.security.SecureRandom random;
    private final FederationListener listener;
    private final CryptoPool crypto;
    private final Runnable peerSeen;

    Inbound(
            Party own,
            Signer signer,
            Verifier verifier,
            DeliveryStore store,
            InstantSource clock,
            java.security.SecureRandom random,
            FederationListener listener,
            CryptoPool crypto,
            Runnable peerSeen) {
        this.own = own;
        this.signer = signer;
        this.verifier = verifier;
        this.store = store;
        this.clock = clock;
        this.random = random;
        this.listener = listener;
        this.crypto = crypto;
        this.peerSeen = peerSeen;
    }

    /**
     * Handles one batch from a TLS peer whose certificate named {@code tlsPeer}: verifies its
     * envelopes in parallel, answers those it has stored before with their original receipts, stores
     * the new good ones with their receipts in transactions of {@value #ROWS_PER_TRANSACTION}
     * (receipts signed in parallel before each), and answers in request order. Refusals are reported once per batch and kind.
     *
     * @throws BatchTooLarge for more than {@value #MAX_ENVELOPES_PER_BATCH} envelopes or {@value
     *     #MAX_CERTIFICATES_PER_BATCH} certificates (the server answers 413 and reads no further)
     */
    List<Batch.Result> handle(Party tlsPeer, Batch.Request request) {
        if (!tlsPeer.equals(verifier.peerParty())) {
            throw new IllegalArgumentException(
                    "TLS peer " + tlsPeer + " is not the configured peer party " + verifier.peerParty());
        }
        peerSeen.run();
        checkSize(request);
        Refusals refusals = new Refusals();
        for (String pem : request.certificates()) {
            learn(pem, refusals);
        }
        for (String pem : request.revocations()) {
            learnRevocations(pem, refusals);
        }
        List<Checked> checked = new ArrayList<>(crypto.map(request.frames(), this::check));
        DeliveryStore lane = laneOf(checked);
        answerDuplicates(lane, checked);
        admit(checked);
        List<VerifiedEnvelope> good = new ArrayList<>(checked.size());
        checked.forEach(c -> {
            if (c instanceof Checked.Good g) {
                good.add(g.envelope());
            }
        });
        Stored stored = good.isEmpty() ? new Stored(List.of(), "") : accept(lane, good);
        List<Batch.Result> results = new ArrayList<>(checked.size());
        List<EnvelopeId> handled = new ArrayList<>();
        int next = 0;
        for (Checked c : checked) {
            switch (c) {
                case Checked.Bad bad -> results.add(refusals.add(bad.reason()));
                case Checked.Declined declined -> results.add(decline(declined.envelope(), declined.reason()));
                case Checked.Duplicate d -> results.add(Batch.Result.Receipt.of(EnvelopeCodec.frame(d.receipt())));
                case Checked.Good g ->
                    results.add(
                            next < stored.accepted().size()
                                    ? answer(g.envelope(), stored.accepted().get(next++), handled)
                                    : new Batch.Result.Refused(stored.notStored()));
            }
        }
        refusals.report();
        followUpsDone(lane, handled);
        return results;
    }

    /**
     * The store's safety lane for a batch of FLASH envelopes only (what the sender's FLASH loop
     * posts), so its transactions go ahead of a bulk batch's on SQLite's single writer (issue 20);
     * the store itself for any other batch.
     */
    private DeliveryStore laneOf(List<Checked> checked) {
        boolean allFlash = !checked.isEmpty();
        for (Checked c : checked) {
            allFlash &= c instanceof Checked.Good g
                    && g.envelope().envelope().precedence() == org.parley.wire.Precedence.FLASH;
        }
        return allFlash ? store.safetyLane() : store;
    }

    /**
     * What {@link #accept} stored: the first {@code accepted.size()} new envelopes, in order; the
     * rest were not stored, for {@code notStored} (the answer the sender gets for each, and retries).
     */
    private record Stored(List<DeliveryStore.Accepted> accepted, String notStored) {}

    /**
     * Stores the new envelopes with their receipts, {@value #ROWS_PER_TRANSACTION} to a transaction,
     * in order. If a part fails after an earlier one was committed, the committed envelopes are
     * answered with their receipts and the others are refused as not stored (their sender retries
     * them); if the first part fails, nothing was stored and the failure goes up as before.
     */
    private Stored accept(DeliveryStore lane, List<VerifiedEnvelope> good) {
        List<DeliveryStore.Accepted> accepted = new ArrayList<>(good.size());
        for (List<VerifiedEnvelope> part : parts(good)) {
            try {
                accepted.addAll(acceptPart(lane, part));
            } catch (RuntimeException e) {
                if (accepted.isEmpty()) {
                    throw e;
                }
                LOG.error(
                        "stored {} of {} new envelopes from {}; the rest are answered as not stored and will be"
                                + " sent again: {}",
                        accepted.size(),
                        good.size(),
                        verifier.peerParty(),
                        e.toString());
                return new Stored(
                        accepted,
                        "not stored: this node's store failed (" + Outbound.clip(String.valueOf(e.getMessage()), 300)
                                + "); send it again");
            }
        }
        return new Stored(accepted, "");
    }

    /**
     * Stores one part in one transaction. The receipts are signed before it, on the crypto pool, for
     * the storage instant chosen here (issue 20): signing receipts inside the transaction held
     * SQLite's only writer, and with it every FLASH, for tens of milliseconds. A receipt still leaves
     * only after the commit. Should the store date a row otherwise, that row's receipt is signed
     * inside the transaction as before.
     */
    private List<DeliveryStore.Accepted> acceptPart(DeliveryStore lane, List<VerifiedEnvelope> good) {
        Instant storedAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        List<SignedEnvelope> signed = crypto.map(good, g -> receiptFor(g, storedAt));
        Map<EnvelopeId, SignedEnvelope> presigned = new java.util.HashMap<>();
        for (int i = 0; i < good.size(); i++) {
            presigned.putIfAbsent(good.get(i).envelope().id(), signed.get(i));
        }
        return lane.acceptAll(good, storedAt, stored -> {
            List<SignedEnvelope> receipts = new ArrayList<>(stored.size());
            for (DeliveryStore.Stored s : stored) {
                SignedEnvelope ready = presigned.get(s.envelope().envelope().id());
                receipts.add(
                        ready != null && s.storedAt().equals(storedAt)
                                ? ready
                                : receiptFor(s.envelope(), s.storedAt()));
            }
            return receipts;
        });
    }

    private static void checkSize(Batch.Request request) {
        if (request.frames().size() > MAX_ENVELOPES_PER_BATCH) {
            throw new BatchTooLarge("a batch may hold at most " + MAX_ENVELOPES_PER_BATCH + " envelopes; this one has "
                    + request.frames().size() + ": send smaller batches");
        }
        if (request.revocations().size() > MAX_REVOCATION_LISTS_PER_BATCH) {
            throw new BatchTooLarge("a batch may carry at most " + MAX_REVOCATION_LISTS_PER_BATCH
                    + " revocation lists; this one has " + request.revocations().size());
        }
        if (request.certificates().size() > MAX_CERTIFICATES_PER_BATCH) {
            throw new BatchTooLarge("a batch may carry at most " + MAX_CERTIFICATES_PER_BATCH
                    + " certificates; this one has " + request.certificates().size());
        }
    }

    /**
     * Replaces each good envelope this node has stored before (in an earlier batch) by its original
     * receipt, before admission and the age check: a retry is answered as the first delivery was,
     * even if the channel was suspended or the envelope has aged since (issue 19, item 13).
     */
    private void answerDuplicates(DeliveryStore store, List<Checked> checked) {
        List<EnvelopeId> ids = new ArrayList<>();
        checked.forEach(c -> {
            if (c instanceof Checked.Good g) {
                ids.add(g.envelope().envelope().id());
            }
        });
        if (ids.isEmpty()) {
            return;
        }
        Map<EnvelopeId, SignedEnvelope> stored = store.storedReceipts(verifier.peerParty(), ids);
        for (int i = 0; i < checked.size(); i++) {
            if (checked.get(i) instanceof Checked.Good g) {
                SignedEnvelope receipt = stored.get(g.envelope().envelope().id());
                if (receipt != null) {
                    LOG.info(
                            "duplicate {} from {}: answered with the original receipt",
                            g.envelope().envelope().id(),
                            g.envelope().envelope().from());
                    checked.set(i, new Checked.Duplicate(receipt));
                }
            }
        }
    }

    /**
     * The checks on new envelopes that need the node: the age limit, then the node's admission
     * check, one envelope at a time in request order and before anything is stored, as it did when
     * each envelope had its own transaction: it may change the node's state (a channel notice
     * applied, a dialogue request recorded) that decides the next envelope.
     */
    private void admit(List<Checked> checked) {
        Instant oldest = clock.instant().minus(MAX_AGE);
        for (int i = 0; i < checked.size(); i++) {
            if (checked.get(i) instanceof Checked.Good g) {
                Envelope envelope = g.envelope().envelope();
                if (envelope.created().isBefore(oldest)) {
                    checked.set(
                            i,
                            new Checked.Bad("envelope " + envelope.id() + " is dated " + envelope.created()
                                    + ", more than " + MAX_AGE.toHours() + " h before this node's clock, and was never"
                                    + " stored here: refused as a possible replay"));
                    continue;
                }
                Optional<String> notNow = listener.refusal(g.envelope());
                if (notNow.isPresent()) {
                    checked.set(i, new Checked.Declined(envelope, notNow.get()));
                }
            }
        }
    }

    /** A frame after the checks that need no database: verified, or the reason it is refused. */
    private sealed interface Checked {
        record Good(VerifiedEnvelope envelope) implements Checked {}

        record Bad(String reason) implements Checked {}

        /** Genuine, but the node will not take it now ({@link FederationListener#refusal}). */
        record Declined(Envelope envelope, String reason) implements Checked {}

        /** Stored before: answered with the receipt given then. */
        record Duplicate(SignedEnvelope receipt) implements Checked {}
    }

    private void learn(String pem, Refusals refusals) {
        try {
            verifier.learn(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (CryptoException | VerificationException e) {
            refusals.add("certificate refused: " + e.getMessage());
        }
    }

    /**
     * A revocation list from the peer, honoured at once if its CA signed it (issue 19, item 12);
     * the node keeps it and alarms once per newly revoked key. A list the CA did not sign is refused
     * like a forged certificate.
     */
    private void learnRevocations(String pem, Refusals refusals) {
        byte[] bytes = pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try {
            List<org.parley.crypto.Revocation> added = verifier.learnRevocationList(bytes);
            if (!added.isEmpty()) {
                LOG.warn("{} revoked signing keys: {}", verifier.peerParty(), added);
                audit("federation.peer-key-revoked", added.toString());
                listener.peerKeysRevoked(added, pem);
            }
        } catch (CryptoException | VerificationException e) {
            refusals.add("revocation list refused: " + e.getMessage());
        }
    }

    /** Runs on the crypto pool: parse, verify, and the date and category rules. */
    private Checked check(byte[] frame) {
        SignedEnvelope signed;
        switch (EnvelopeCodec.unframe(frame)) {
            case ParseResult.Parsed<SignedEnvelope> p -> signed = p.value();
            case ParseResult.Rejected<SignedEnvelope> r -> {
                return new Checked.Bad(r.reason());
            }
        }
        VerifiedEnvelope verified;
        try {
            verified = verifier.verify(signed);
        } catch (VerificationException e) {
            return new Checked.Bad("envelope refused: " + e.getMessage());
        }
        Envelope envelope = verified.envelope();
        Duration ahead = Duration.between(clock.instant(), envelope.created());
        if (ahead.compareTo(MAX_AHEAD) > 0) {
            return new Checked.Bad("envelope " + envelope.id() + " is dated " + envelope.created() + ", more than "
                    + MAX_AHEAD.toHours() + " h ahead of this node's clock");
        }
        if (ahead.compareTo(CLOCK_AHEAD_NOTICE) > 0) {
            listener.peerClockAhead(envelope.id(), ahead);
        }
        if (envelope.category() == Category.RECEIPT) {
            return new Checked.Bad("envelope " + envelope.id() + " is a receipt; receipts travel only in answers");
        }
        return new Checked.Good(verified);
    }

    private Batch.Result answer(VerifiedEnvelope verified, DeliveryStore.Accepted accepted, List<EnvelopeId> handled) {
        Envelope envelope = verified.envelope();
        if (!accepted.duplicate()) {
            try {
                listener.received(verified);
                handled.add(envelope.id());
            } catch (RuntimeException e) {
                // Stored and receipted: the node's work on it is durable (issue 19, item 3) and is
                // done again at its next start; the other envelopes of the batch are not affected.
                LOG.error(
                        "the node could not handle {} {} from {} after storing it; it is done again at the next"
                                + " start",
                        envelope.category(),
                        envelope.id(),
                        envelope.from(),
                        e);
                audit("federation.follow-up-failed", envelope.id() + ": " + e);
            }
        } else {
            // Repeated inside this batch, or stored by a concurrent batch since answerDuplicates.
            LOG.info("duplicate {} from {}: answered with the original receipt", envelope.id(), envelope.from());
        }
        return Batch.Result.Receipt.of(EnvelopeCodec.frame(accepted.receipt()));
    }

    private SignedEnvelope receiptFor(VerifiedEnvelope verified, java.time.Instant storedAt) {
        Envelope original = verified.envelope();
        Envelope receipt = Envelope.builder(clock, random)
                .from(own)
                .to(original.from())
                .precedence(original.precedence())
                .category(Category.RECEIPT)
                .inReplyTo(original.id())
                .payload(new Payload.Receipt(
                        original.id(), storedAt, verified.signed().sha256Hex()))
                .signer(signer.keyId())
                .build();
        return signer.sign(receipt);
    }

    /**
     * A genuine envelope the node will not take now (a suspended category, an answer to an unknown
     * request): answered with the reason and nothing stored, but no alarm, since the sender is
     * behaving; its node retries with backoff and delivers once the channel reopens.
     */
    private Batch.Result decline(Envelope envelope, String reason) {
        LOG.info("declined {} {} from {}: {}", envelope.category(), envelope.id(), envelope.from(), reason);
        audit("federation.declined", envelope.id() + ": " + reason);
        return new Batch.Result.Refused(reason);
    }

    /** Marks the follow-ups done; if the store cannot, they are done again (idempotently) at the next start. */
    private void followUpsDone(DeliveryStore store, List<EnvelopeId> handled) {
        try {
            store.followUpsDone(verifier.peerParty(), handled);
        } catch (RuntimeException e) {
            LOG.error(
                    "follow-ups of {} envelopes not marked done; they are done again at the next start: {}",
                    handled.size(),
                    e.toString());
        }
    }

    /** An audit row that a failing store may not turn into a lost answer for the whole batch. */
    private void audit(String event, String detail) {
        try {
            store.audit(event, detail);
        } catch (RuntimeException e) {
            LOG.error("audit row {} not written: {}", event, e.toString());
        }
    }

    /**
     * The refusals of one batch, reported once per kind (issue 19, item 2): a batch of junk costs
     * one log line, one audit row and one alarm per kind of refusal, not per frame. The kind is the
     * reason up to its first colon (e.g. "envelope refused"); the report quotes the first reason.
     */
    private final class Refusals {
        private final Map<String, List<String>> byKind = new LinkedHashMap<>();

        Batch.Result add(String reason) {
            int colon = reason.indexOf(':');
            String kind = colon > 0 && colon <= 60
                    ? reason.substring(0, colon)
                    : reason.substring(0, Math.min(60, reason.length()));
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(reason);
            return new Batch.Result.Refused(reason);
        }

        void report() {
            byKind.forEach((kind, reasons) -> {
                String summary = reasons.size() == 1
                        ? reasons.get(0)
                        : reasons.size() + " frames in one batch refused (" + kind + "), the first: " + reasons.get(0);
                LOG.warn("refused from {}: {}", verifier.peerParty(), summary);
                audit("federation.refused", summary);
                listener.refused(reasons.size(), summary);
            });
        }
    }
}
