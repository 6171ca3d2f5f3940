package org.parley.federation;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parley.crypto.CryptoException;
import org.parley.crypto.Signer;
import org.parley.crypto.VerificationException;
import org.parley.crypto.VerifiedEnvelope;
import org.parley.crypto.Verifier;
import org.parley.wire.Category;
import org.parley.wire.Envelope;
import org.parley.wire.EnvelopeCodec;
import org.parley.wire.ParseResult;
import org.parley.wire.Party;
import org.parley.wire.Payload;
import org.parley.wire.SignedEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiving side of delivery (docs/decisions.md, decision 3): verify the bytes received, store them with a
 * signed receipt in one transaction, then answer with the receipt; a duplicate gets the original. A
 * batch is stored in one transaction (group commit, issue 8).
 */
final class Inbound {
    private static final Logger LOG = LoggerFactory.getLogger(Inbound.class);
    /** Envelopes claiming to be created further in the future than this are refused. */
    static final Duration MAX_FUTURE_SKEW = Duration.ofMinutes(5);

    private final Party own;
    private final Signer signer;
    private final Verifier verifier;
    private final DeliveryStore store;
    private final InstantSource clock;
    private final java.security.SecureRandom random;
    private final FederationListener listener;
    private final CryptoPool crypto;

    Inbound(
            Party own,
            Signer signer,
            Verifier verifier,
            DeliveryStore store,
            InstantSource clock,
            java.security.SecureRandom random,
            FederationListener listener,
            CryptoPool crypto) {
        this.own = own;
        this.signer = signer;
        this.verifier = verifier;
        this.store = store;
        this.clock = clock;
        this.random = random;
        this.listener = listener;
        this.crypto = crypto;
    }

    /**
     * Handles one batch from a TLS peer whose certificate named {@code tlsPeer}: verifies its
     * envelopes in parallel, stores the good ones with their receipts in one transaction (receipts
     * signed in parallel inside it), and answers in request order.
     */
    List<Batch.Result> handle(Party tlsPeer, Batch.Request request) {
        if (!tlsPeer.equals(verifier.peerParty())) {
            throw new IllegalArgumentException(
                    "TLS peer " + tlsPeer + " is not the configured peer party " + verifier.peerParty());
        }
        for (String pem : request.certificates()) {
            learn(pem);
        }
        List<Checked> checked = new ArrayList<>(crypto.map(request.frames(), this::check));
        // The node's admission check runs here, one envelope at a time in request order and before
        // anything is stored, as it did when each envelope had its own transaction: it may change
        // the node's state (a channel notice applied, a dialogue request recorded) that decides the
        // next envelope.
        List<VerifiedEnvelope> good = new ArrayList<>(checked.size());
        for (int i = 0; i < checked.size(); i++) {
            if (checked.get(i) instanceof Checked.Good g) {
                Optional<String> notNow = listener.refusal(g.envelope());
                if (notNow.isPresent()) {
                    checked.set(i, new Checked.Declined(g.envelope().envelope(), notNow.get()));
                } else {
                    good.add(g.envelope());
                }
            }
        }
        List<DeliveryStore.Accepted> accepted = good.isEmpty()
                ? List.of()
                : store.acceptAll(good, stored -> crypto.map(stored, s -> receiptFor(s.envelope(), s.storedAt())));
        List<Batch.Result> results = new ArrayList<>(checked.size());
        int next = 0;
        for (Checked c : checked) {
            switch (c) {
                case Checked.Bad bad -> results.add(refuse(bad.reason()));
                case Checked.Declined declined -> results.add(decline(declined.envelope(), declined.reason()));
                case Checked.Good g -> results.add(answer(g.envelope(), accepted.get(next++)));
            }
        }
        return results;
    }

    /** A frame after the checks that need no database: verified, or the reason it is refused. */
    private sealed interface Checked {
        record Good(VerifiedEnvelope envelope) implements Checked {}

        record Bad(String reason) implements Checked {}

        /** Genuine, but the node will not take it now ({@link FederationListener#refusal}). */
        record Declined(Envelope envelope, String reason) implements Checked {}
    }

    private void learn(String pem) {
        try {
            verifier.learn(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (CryptoException | VerificationException e) {
            refuse("certificate refused: " + e.getMessage());
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
        if (envelope.created().isAfter(clock.instant().plus(MAX_FUTURE_SKEW))) {
            return new Checked.Bad("envelope " + envelope.id() + " is dated " + envelope.created() + ", more than "
                    + MAX_FUTURE_SKEW.toMinutes() + " min ahead of this node's clock");
        }
        if (envelope.category() == Category.RECEIPT) {
            return new Checked.Bad("envelope " + envelope.id() + " is a receipt; receipts travel only in answers");
        }
        return new Checked.Good(verified);
    }

    private Batch.Result answer(VerifiedEnvelope verified, DeliveryStore.Accepted accepted) {
        Envelope envelope = verified.envelope();
        if (!accepted.duplicate()) {
            listener.received(verified);
        } else {
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
        store.audit("federation.declined", envelope.id() + ": " + reason);
        return new Batch.Result.Refused(reason);
    }

    private Batch.Result refuse(String reason) {
        LOG.warn("refused from {}: {}", verifier.peerParty(), reason);
        store.audit("federation.refused", reason);
        listener.refused(reason);
        return new Batch.Result.Refused(reason);
    }
}
