package org.parley.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.federation.TwoParties.freePort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.parley.crypto.PartyIdentity;
import org.parley.crypto.Revocation;
import org.parley.crypto.Signer;
import org.parley.wire.Category;
import org.parley.wire.Envelope;
import org.parley.wire.EnvelopeCodec;
import org.parley.wire.Party;
import org.parley.wire.Payload;
import org.parley.wire.Precedence;
import org.parley.wire.SignedEnvelope;

/**
 * Issue 19, item 12, two nodes over real mutual TLS on loopback: RED rotates away from its first
 * signing key and revokes it with its CA; the list travels with RED's next batch and BLUE refuses
 * envelopes of that key created from the revocation on, while an earlier one and the new key's go
 * through. Then BLUE's operators revoke RED's second key by local decision. After BLUE restarts,
 * both revocations still hold though RED no longer sends its list.
 */
class RevocationIT {
    private static final SecureRandom RANDOM = TwoParties.RANDOM;
    private static final InstantSource CLOCK = TwoParties.CLOCK;

    @Test
    void revocation_byPeerCaAndByLocalDecision_refusesLaterEnvelopesOfTheKeyAndSurvivesARestart() throws Exception {
        Instant now = CLOCK.instant();
        // Keys made two hours ago, so that envelopes dated before the revocation fall in their validity.
        TwoParties parties =
                TwoParties.create("parley-revocation-it", InstantSource.fixed(now.minus(Duration.ofHours(2))));
        Path root = parties.root;
        PartyIdentity blue = parties.blue;
        PartyIdentity red = parties.red;
        Signer first = red.signer();
        SignedEnvelope early = sign(first, now.minus(Duration.ofMinutes(30)), "before the revocation");
        SignedEnvelope late = sign(first, now.minus(Duration.ofMinutes(1)), "after the revocation");
        red.rotateSigningKey(CLOCK);
        red.revokeSigningKey(first.keyId(), now.minus(Duration.ofMinutes(10)), CLOCK);
        Signer second = red.signer();
        List<List<Revocation>> heard = new CopyOnWriteArrayList<>();
        FederationListener blueListener = new FederationListener() {
            @Override
            public void peerKeysRevoked(List<Revocation> revocations, String pem) {
                heard.add(revocations);
                blue.keepPeerRevocationList(pem.getBytes(StandardCharsets.US_ASCII)); // as the node does
            }
        };
        int bluePort = freePort();

        try (Federation blueNode = Federation.start(
                config(bluePort, freePort()), blue, new MemoryDeliveryStore(), CLOCK, RANDOM, blueListener)) {
            List<Batch.Result> results = post(
                    red,
                    bluePort,
                    red.revocationListPem().stream().toList(),
                    List.of(early, late, sign(second, CLOCK.instant(), "new key")));

            assertThat(results.get(0)).as("created before the revocation").isInstanceOf(Batch.Result.Receipt.class);
            assertThat(results.get(1))
                    .isInstanceOfSatisfying(
                            Batch.Result.Refused.class,
                            r -> assertThat(r.reason())
                                    .contains("revoked", first.keyId().hex(), "party CA"));
            assertThat(results.get(2)).as("the new key").isInstanceOf(Batch.Result.Receipt.class);
            assertThat(heard)
                    .singleElement()
                    .satisfies(list ->
                            assertThat(list).extracting(Revocation::keyId).containsExactly(first.keyId()));

            blueNode.revokePeerKey(
                    new Revocation(second.keyId(), CLOCK.instant(), Revocation.Source.LOCAL, "drill: laptop lost"));
            Thread.sleep(5);
            assertThat(post(red, bluePort, List.of(), List.of(sign(second, CLOCK.instant(), "after the decision"))))
                    .singleElement()
                    .isInstanceOfSatisfying(
                            Batch.Result.Refused.class,
                            r -> assertThat(r.reason()).contains("this node's operators (drill: laptop lost)"));
        }

        PartyIdentity blueAgain = PartyIdentity.load(root.resolve("blue"), Optional.empty(), RANDOM);
        try (Federation restarted = Federation.start(
                config(bluePort, freePort()),
                blueAgain,
                new MemoryDeliveryStore(),
                CLOCK,
                RANDOM,
                new FederationListener() {})) {
            List<Batch.Result> results = post(
                    red,
                    bluePort,
                    List.of(),
                    List.of(
                            sign(first, CLOCK.instant().minus(Duration.ofMinutes(2)), "first key, again"),
                            sign(second, CLOCK.instant(), "second key, again")));
            assertThat(results)
                    .allSatisfy(r -> assertThat(r)
                            .isInstanceOfSatisfying(
                                    Batch.Result.Refused.class,
                                    refused -> assertThat(refused.reason()).contains("revoked")));
            // The kept list names certificate serials; the keys show once their certificates are known.
            assertThat(restarted.peerKeyRevocations())
                    .extracting(Revocation::keyId)
                    .containsExactlyInAnyOrder(first.keyId(), second.keyId());
        }
    }

    private static List<Batch.Result> post(
            PartyIdentity red, int bluePort, List<String> revocations, List<SignedEnvelope> envelopes)
            throws IOException, InterruptedException {
        Outbound peer = TwoParties.client(
                red,
                red.signingCertificates().stream().map(PartyIdentity::pem).toList(),
                config(0, bluePort),
                new MemoryDeliveryStore());
        try {
            peer.sendRevocations(revocations);
            return peer.post(envelopes.stream().map(EnvelopeCodec::frame).toList())
                    .results();
        } finally {
            peer.close();
        }
    }

    private static SignedEnvelope sign(Signer signer, Instant created, String text) {
        Envelope envelope = Envelope.builder(InstantSource.fixed(created), RANDOM)
                .from(Party.of("RED"))
                .to(Party.of("BLUE"))
                .precedence(Precedence.FLASH)
                .category(Category.SAFETY)
                .payload(new Payload.Text(text))
                .signer(signer.keyId())
                .build();
        return signer.sign(envelope);
    }

    private static FederationConfig config(int listenPort, int peerPort) {
        return TwoParties.config(listenPort, Duration.ofSeconds(10), peerPort);
    }
}
