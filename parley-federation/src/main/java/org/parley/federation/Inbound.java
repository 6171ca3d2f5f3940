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
 * The receiving side of delivery (DESIGN decision 3): verify the bytes received, store them with a
 * signed receipt in one transaction, then answer with the receipt; a duplicate gets the original.
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

    Inbound(
            Party own,
            Signer signer,
            Verifier verifier,
            DeliveryStore store,
            InstantSource clock,
            java.security.SecureRandom random,
            FederationListener listener) {
        this.own = own;
        this.signer = signer;
        this.verifier = verifier;
        this.store = store;
        this.clock = clock;
        this.random = random;
        this.listener = listener;
    }

    /** Handles one batch from a TLS peer whose certificate named {@code tlsPeer}. */
    List<Batch.Result> handle(Party tlsPeer, Batch.Request request) {
        if (!tlsPeer.equals(verifier.peerParty())) {
            throw new IllegalArgumentException(
                    "TLS peer " + tlsPeer + " is not the configured peer party " + verifier.peerParty());
        }
        for (String pem : request.certificates()) {
            learn(pem);
        }
        List<Batch.Result> results = new ArrayList<>(request.frames().size());
        for (byte[] frame : request.frames()) {
            results.add(one(frame));
        }
        return results;
    }

    private void learn(String pem) {
        try {
            verifier.learn(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (CryptoException | VerificationException e) {
            refuse("certificate refused: " + e.getMessage());
        }
    }

    private Batch.Result one(byte[] frame) {
        SignedEnvelope signed;
        switch (EnvelopeCodec.unframe(frame)) {
            case ParseResult.Parsed<SignedEnvelope> p -> signed = p.value();
            case ParseResult.Rejected<SignedEnvelope> r -> {
                return refuse(r.reason());
            }
        }
        VerifiedEnvelope verified;
        try {
            verified = verifier.verify(signed);
        } catch (VerificationException e) {
            return refuse("envelope refused: " + e.getMessage());
        }
        Envelope envelope = verified.envelope();
        if (envelope.created().isAfter(clock.instant().plus(MAX_FUTURE_SKEW))) {
            return refuse("envelope " + envelope.id() + " is dated " + envelope.created() + ", more than "
                    + MAX_FUTURE_SKEW.toMinutes() + " min ahead of this node's clock");
        }
        if (envelope.category() == Category.RECEIPT) {
            return refuse("envelope " + envelope.id() + " is a receipt; receipts travel only in answers");
        }
        Optional<String> notNow = listener.refusal(verified);
        if (notNow.isPresent()) {
            return decline(envelope, notNow.get());
        }
        DeliveryStore.Accepted accepted = store.accept(verified, storedAt -> receiptFor(verified, storedAt));
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
