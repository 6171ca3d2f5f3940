package org.parley.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parley.testing.TestClock;

class LedgerTest {
    private static final HexFormat HEX = HexFormat.of();
    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T08:00:00.123456Z"));
    private final KeyPair keys = TestKeys.ed25519();
    private final TamperableLeafStore leaves = new TamperableLeafStore();
    private final TreeHeadStore heads = TreeHeadStore.inMemory();
    private final Ledger ledger = Ledger.open(leaves, heads, keys, clock);

    @Test
    void append_ctTestLeaves_returnsIndicesAndPublishedRoots() {
        for (int i = 0; i < 8; i++) {
            assertThat(ledger.append(HEX.parseHex(KnownAnswerTest.LEAVES.get(i))))
                    .isEqualTo(i);
            // CT reference roots (transparency-dev/merkle proof/verify_test.go), see KnownAnswerTest.
            assertThat(ledger.rootHash().toHex()).isEqualTo(KnownAnswerTest.ROOTS.get(i));
        }
        assertThat(ledger.rootHash(3).toHex()).isEqualTo(KnownAnswerTest.ROOTS.get(2));
        assertThat(leaves.size()).isEqualTo(8);
    }

    @Test
    void appendAll_ctTestLeaves_matchesAppendingOneByOne() {
        List<byte[]> entries =
                KnownAnswerTest.LEAVES.stream().map(HEX::parseHex).toList();

        assertThat(ledger.appendAll(entries.subList(0, 3))).isZero();
        assertThat(ledger.appendAll(entries.subList(3, 8))).isEqualTo(3);

        // CT reference root of the eight leaves (see KnownAnswerTest).
        assertThat(ledger.rootHash().toHex()).isEqualTo(KnownAnswerTest.ROOTS.get(7));
        assertThat(leaves.size()).isEqualTo(8);
    }

    @Test
    void leafIndexOf_appendedAndUnknownEntries_findsFirstIndexOrNothing() {
        List<byte[]> entries =
                KnownAnswerTest.LEAVES.stream().map(HEX::parseHex).toList();
        ledger.appendAll(entries);
        ledger.append(entries.get(2));

        assertThat(ledger.leafIndexOf(entries.get(5))).hasValue(5);
        assertThat(ledger.leafIndexOf(entries.get(2))).hasValue(2);
        assertThat(ledger.leafIndexOf(new byte[] {42, 42})).isEmpty();
    }

    @Test
    void catchUp_leavesStoredAfterLoad_reachesPublishedRoot() {
        List<byte[]> entries =
                KnownAnswerTest.LEAVES.stream().map(HEX::parseHex).toList();
        ledger.appendAll(entries.subList(0, 5));
        MerkleTree loaded = MerkleTree.load(leaves, 2);
        for (int i = 5; i < 8; i++) {
            leaves.append(i, MerkleHash.ofLeafData(entries.get(i)));
        }

        loaded.catchUp(leaves, 2);

        // CT reference root of the eight leaves (see KnownAnswerTest).
        assertThat(MerkleHash.wrap(loaded.root(8)).toHex()).isEqualTo(KnownAnswerTest.ROOTS.get(7));
    }

    @Test
    void open_existingStore_rebuildsTheSameTree() {
        appendMany(1000);
        Ledger reopened = Ledger.open(leaves, heads, keys, clock);
        assertThat(reopened.size()).isEqualTo(1000);
        assertThat(reopened.rootHash()).isEqualTo(ledger.rootHash());
        assertThat(reopened.inclusionProof(777, 1000)).isEqualTo(ledger.inclusionProof(777, 1000));
    }

    @Test
    void signTreeHead_now_isStoredSignedAndTruncatedToMillis() {
        appendMany(5);
        SignedTreeHead head = ledger.signTreeHead();

        head.verify(keys.getPublic());
        assertThat(head.head().timestamp()).isEqualTo(Instant.parse("2026-03-01T08:00:00.123Z"));
        assertThat(head.treeSize()).isEqualTo(5);
        assertThat(heads.ownHeads()).containsExactly(head);
    }

    @Test
    void inclusionProof_leafOutsideTree_throwsWithReason() {
        appendMany(4);
        assertThatThrownBy(() -> ledger.inclusionProof(4, 4))
                .isInstanceOf(LedgerException.class)
                .hasMessageContaining("not in a tree of 4");
        assertThatThrownBy(() -> ledger.consistencyProof(2, 5))
                .isInstanceOf(LedgerException.class)
                .hasMessageContaining("outside this log");
    }

    @Test
    void append_storeRefusesTheIndex_throwsAndLeavesTreeUnchanged() {
        appendMany(3);
        leaves.append(3, MerkleHash.ofLeafData(new byte[] {9}));
        MerkleHash root = ledger.rootHash();

        assertThatThrownBy(() -> ledger.append(new byte[] {1})).isInstanceOf(LedgerException.class);
        assertThat(ledger.size()).isEqualTo(3);
        assertThat(ledger.rootHash()).isEqualTo(root);
    }

    @Test
    void audit_untouchedStore_reportsNoProblem() {
        appendMany(20);
        ledger.signTreeHead();
        appendMany(5);
        ledger.signTreeHead();

        AuditReport report = ledger.audit(Optional.empty());

        assertThat(report.ok()).isTrue();
        assertThat(report.headsChecked()).isEqualTo(2);
        assertThat(report.leafCount()).isEqualTo(25);
        assertThat(report.rootHash()).isEqualTo(ledger.rootHash());
    }

    @Test
    void audit_leafChangedInStore_reportsEveryHeadItBreaks() {
        appendMany(10);
        ledger.signTreeHead();
        appendMany(10);
        ledger.signTreeHead();
        leaves.replace(15, new byte[] {42});

        AuditReport report = ledger.audit(Optional.empty());

        assertThat(report.ok()).isFalse();
        assertThat(report.problems())
                .singleElement()
                .asString()
                .contains("size 20")
                .contains("a leaf was changed");
    }

    @Test
    void audit_storeTruncated_reportsTruncation() {
        appendMany(10);
        ledger.signTreeHead();
        leaves.truncate(7);

        assertThat(ledger.audit(Optional.empty()).problems())
                .singleElement()
                .asString()
                .contains("holds only 7 leaves");
    }

    @Test
    void merkleHash_wrongLength_throwsWithReason() {
        assertThatThrownBy(() -> MerkleHash.of(new byte[31]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> MerkleHash.fromHex("abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 hex digits");
    }

    private void appendMany(int count) {
        long start = ledger.size();
        for (long i = start; i < start + count; i++) {
            ledger.append(Long.toString(i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
