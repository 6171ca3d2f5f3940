package org.parley.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.testing.TestClock;

/** Issue 10 deliverable 4: proof bundles, written by the sender and checked offline by anyone. */
class ProofBundleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T08:00:00Z"));
    private final TestPki bluePki = new TestPki("BLUE", clock.instant());
    private final TestPki redPki = new TestPki("RED", clock.instant());
    private final KeyPair blueKeys = TestKeys.ed25519();
    private final KeyPair redKeys = TestKeys.ed25519();
    private final Ledger blue = Ledger.open(LeafStore.inMemory(), TreeHeadStore.inMemory(), blueKeys, clock);
    private final Ledger red = Ledger.open(LeafStore.inMemory(), TreeHeadStore.inMemory(), redKeys, clock);
    private final byte[] envelope = "{\"id\":\"0190f3a2-7b1c-7d2e-9f00-000000000001\",\"text\":\"unsafe approach\"}"
            .getBytes(StandardCharsets.UTF_8);
    private long envelopeLeaf;

    @BeforeEach
    void sendAndLinkTest() {
        for (int i = 0; i < 5; i++) {
            blue.append(("receipt " + i).getBytes(StandardCharsets.UTF_8));
        }
        envelopeLeaf = blue.append(envelope);
        blue.append("ack".getBytes(StandardCharsets.UTF_8));
        clock.advance(Duration.ofMinutes(30));
        CrossCheck.Consistent consistent = (CrossCheck.Consistent)
                red.crossCheck(blue.offerTreeHead(red.lastSeenPeerSize()), blueKeys.getPublic());
        blue.acceptCountersignature(consistent.countersigned(), redKeys.getPublic());
    }

    @Test
    void verifyBundle_writtenBySender_passesEveryCheckOffline() {
        BundleReport report = Ledger.verifyBundle(bundle().toJson(), List.of(redPki.ca, bluePki.ca));

        assertThat(report.failures()).isEmpty();
        assertThat(report.checks())
                .extracting(BundleReport.Check::name)
                .containsExactly(
                        "envelope signer certificate",
                        "envelope signature",
                        "log owner certificate",
                        "tree head signature",
                        "countersigner certificate",
                        "countersigned by the other party",
                        "countersignature",
                        "inclusion proof");
    }

    @Test
    void fromJson_toJson_roundTripsEveryField() {
        ProofBundle bundle = bundle();
        ProofBundle read = ProofBundle.fromJson(bundle.toJson());
        assertThat(read).isEqualTo(bundle);
    }

    @Test
    void verifyBundle_envelopeBytesChanged_failsSignatureAndInclusion() {
        String json = edit(
                bundle().toJson(),
                root -> ((ObjectNode) root.get("envelope"))
                        .put(
                                "bytes",
                                Base64.getEncoder()
                                        .encodeToString("{\"text\":\"safe\"}".getBytes(StandardCharsets.UTF_8))));

        assertThat(failedChecks(json)).containsExactly("envelope signature", "inclusion proof");
    }

    @Test
    void verifyBundle_treeSizeChanged_failsHeadSignatureAndInclusion() {
        String json = edit(bundle().toJson(), root -> ((ObjectNode) root.get("treeHead")).put("treeSize", 8));

        assertThat(failedChecks(json)).containsExactly("tree head signature", "countersignature", "inclusion proof");
    }

    @Test
    void verifyBundle_proofHashChanged_failsInclusionOnly() {
        String json = edit(bundle().toJson(), root -> {
            var path = (com.fasterxml.jackson.databind.node.ArrayNode)
                    root.get("inclusionProof").get("path");
            path.set(0, MerkleHash.ofLeafData(new byte[] {7}).toHex());
        });

        assertThat(failedChecks(json)).containsExactly("inclusion proof");
    }

    @Test
    void verifyBundle_countersignatureChanged_failsCountersignature() {
        byte[] forged = new byte[64];
        String json = edit(
                bundle().toJson(),
                root -> ((ObjectNode) root.get("countersignature"))
                        .put("signature", Base64.getEncoder().encodeToString(forged)));

        assertThat(failedChecks(json)).containsExactly("countersignature");
    }

    @Test
    void verifyBundle_onlyPeerCaGiven_saysCountersignerDoesNotChain() {
        BundleReport report = Ledger.verifyBundle(bundle().toJson(), List.of(bluePki.ca));

        assertThat(report.failures()).singleElement().satisfies(check -> {
            assertThat(check.name()).isEqualTo("countersigner certificate");
            assertThat(check.detail()).contains("does not chain to any given CA");
        });
    }

    @Test
    void verifyBundle_countersignedUnderOwnCa_failsOtherPartyCheck() {
        ProofBundle honest = bundle();
        KeyPair accomplice = TestKeys.ed25519();
        ProofBundle selfCountersigned = new ProofBundle(
                honest.envelopeBytes(),
                honest.envelopeSignature(),
                honest.envelopeSignerCertificates(),
                honest.inclusionProof(),
                HeadSigning.countersign(honest.treeHead().signedHead(), accomplice.getPrivate()),
                honest.logOwnerCertificates(),
                List.of(bluePki.signing(accomplice)));

        BundleReport report = Ledger.verifyBundle(selfCountersigned, List.of(bluePki.ca, redPki.ca));

        assertThat(report.failures())
                .singleElement()
                .satisfies(check -> assertThat(check.detail()).contains("cannot countersign its own record"));
    }

    @Test
    void verifyBundle_notJson_failsFormatCheckWithoutThrowing() {
        BundleReport report = Ledger.verifyBundle("{\"format\": \"parley-proof-bundle/1\"", List.of(bluePki.ca));

        assertThat(report.ok()).isFalse();
        assertThat(report.failures()).singleElement().satisfies(check -> {
            assertThat(check.name()).isEqualTo("bundle format");
            assertThat(check.detail()).contains("not valid JSON");
        });
    }

    @Test
    void verifyBundle_missingField_namesTheField() {
        String json = edit(bundle().toJson(), root -> ((ObjectNode) root.get("treeHead")).remove("rootHash"));

        assertThat(Ledger.verifyBundle(json, List.of(bluePki.ca)).failures())
                .singleElement()
                .satisfies(check -> assertThat(check.detail()).contains("'rootHash'"));
    }

    @Test
    void proofBundle_leafNotYetCountersigned_throwsSayingWhen() {
        long late = blue.append("late".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> blue.proofBundle(
                        late,
                        "late".getBytes(StandardCharsets.UTF_8),
                        sign(blueKeys, "late".getBytes(StandardCharsets.UTF_8)),
                        List.of(bluePki.signing(blueKeys)),
                        List.of(bluePki.signing(blueKeys)),
                        List.of(redPki.signing(redKeys))))
                .isInstanceOf(LedgerException.class)
                .hasMessageContaining("next link test");
    }

    @Test
    void proofBundle_ownStoreChangedAfterCountersigning_throwsInsteadOfWritingABadBundle() {
        TamperableLeafStore leaves = new TamperableLeafStore();
        Ledger tampered = Ledger.open(leaves, TreeHeadStore.inMemory(), blueKeys, clock);
        tampered.append("first".getBytes(StandardCharsets.UTF_8));
        long leaf = tampered.append(envelope);
        Ledger freshPeer = Ledger.open(LeafStore.inMemory(), TreeHeadStore.inMemory(), redKeys, clock);
        CrossCheck.Consistent consistent =
                (CrossCheck.Consistent) freshPeer.crossCheck(tampered.offerTreeHead(0), blueKeys.getPublic());
        tampered.acceptCountersignature(consistent.countersigned(), redKeys.getPublic());
        leaves.replace(0, "changed".getBytes(StandardCharsets.UTF_8));
        tampered.offerTreeHead(0); // the next link test reloads the changed store

        assertThatThrownBy(() -> tampered.proofBundle(
                        leaf,
                        envelope,
                        sign(blueKeys, envelope),
                        List.of(bluePki.signing(blueKeys)),
                        List.of(bluePki.signing(blueKeys)),
                        List.of(redPki.signing(redKeys))))
                .isInstanceOf(LedgerException.class)
                .hasMessageContaining("no longer matches");
    }

    @Test
    void proofBundle_bytesOfAnotherLeaf_throws() {
        assertThatThrownBy(() -> blue.proofBundle(
                        envelopeLeaf - 1,
                        envelope,
                        sign(blueKeys, envelope),
                        List.of(bluePki.signing(blueKeys)),
                        List.of(bluePki.signing(blueKeys)),
                        List.of(redPki.signing(redKeys))))
                .isInstanceOf(LedgerException.class)
                .hasMessageContaining("is not the hash of these envelope bytes");
    }

    private ProofBundle bundle() {
        return blue.proofBundle(
                envelopeLeaf,
                envelope,
                sign(blueKeys, envelope),
                List.of(bluePki.signing(blueKeys)),
                List.of(bluePki.signing(blueKeys)),
                List.of(redPki.signing(redKeys)));
    }

    private List<String> failedChecks(String json) {
        return Ledger.verifyBundle(json, List.of(bluePki.ca, redPki.ca)).failures().stream()
                .map(BundleReport.Check::name)
                .toList();
    }

    /** Signs as the node does: the envelope label, then the canonical bytes (docs/decisions.md, decision 1). */
    static SignatureBytes sign(KeyPair keys, byte[] canonical) {
        byte[] label = "parley/v1/envelope\n".getBytes(StandardCharsets.US_ASCII);
        byte[] message = new byte[label.length + canonical.length];
        System.arraycopy(label, 0, message, 0, label.length);
        System.arraycopy(canonical, 0, message, label.length, canonical.length);
        return SignatureBytes.of(HeadSigning.signBytes(message, keys.getPrivate()));
    }

    private static String edit(String json, Consumer<ObjectNode> change) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(json);
            change.accept(root);
            return JSON.writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
