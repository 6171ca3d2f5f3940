package org.parley.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known-answer tests from published RFC 6962 / RFC 9162 reference vectors.
 *
 * <p>Source of every vector below: the Certificate Transparency reference test data, as carried by
 * github.com/transparency-dev/merkle (the successor of google/certificate-transparency's C++
 * {@code merkletree/merkle_tree_test.cc} and Trillian's Go {@code merkle} package):
 *
 * <ul>
 *   <li>{@code rfc6962/rfc6962_test.go}, TestRFC6962Hasher: empty root, empty leaf, leaf and node hash;
 *   <li>{@code proof/verify_test.go}: the eight CT test leaves, the roots of trees of 1..8 leaves, and
 *       the inclusion and consistency paths (leaf numbers there are 1-based; here they are 0-based).
 * </ul>
 */
class KnownAnswerTest {
    private static final HexFormat HEX = HexFormat.of();

    /** The eight CT test-suite leaves (proof/verify_test.go, {@code leaves}). */
    static final List<String> LEAVES =
            List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f");

    /** MTH of the first 1..8 leaves (proof/verify_test.go, {@code roots}). */
    static final List<String> ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private static final String EMPTY_ROOT = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /** proof/verify_test.go {@code inclusionProofs}: (1-based leaf, tree size, path). */
    static Stream<Arguments> inclusionVectors() {
        return Stream.of(
                Arguments.of(1, 1, List.of()),
                Arguments.of(
                        1,
                        8,
                        List.of(
                                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
                Arguments.of(
                        6,
                        8,
                        List.of(
                                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
                Arguments.of(3, 3, List.of("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
                Arguments.of(
                        2,
                        5,
                        List.of(
                                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));
    }

    /** proof/verify_test.go {@code consistencyProofs}: (size1, size2, path). */
    static Stream<Arguments> consistencyVectors() {
        return Stream.of(
                Arguments.of(1, 1, List.of()),
                Arguments.of(
                        1,
                        8,
                        List.of(
                                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
                Arguments.of(
                        6,
                        8,
                        List.of(
                                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
                Arguments.of(
                        2,
                        5,
                        List.of(
                                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
                Arguments.of(
                        6,
                        7,
                        List.of(
                                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                                "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));
    }

    @Test
    void hasher_rfc6962Vectors_matchPublishedHashes() {
        Rfc9162Hasher hasher = Rfc9162Hasher.create();
        assertThat(HEX.formatHex(hasher.emptyRoot())).isEqualTo(EMPTY_ROOT);
        assertThat(HEX.formatHex(hasher.leaf(new byte[0])))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        assertThat(HEX.formatHex(hasher.leaf(ascii("L123456"))))
                .isEqualTo("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56");
        assertThat(HEX.formatHex(hasher.node(ascii("N123"), ascii("N456"))))
                .isEqualTo("aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb");
    }

    @Test
    void root_emptyTree_isSha256OfEmptyString() {
        assertThat(HEX.formatHex(new MerkleTree().root(0))).isEqualTo(EMPTY_ROOT);
    }

    @Test
    void root_oneToEightCtLeaves_matchesPublishedRoots() {
        MerkleTree tree = ctTree();
        for (int size = 1; size <= 8; size++) {
            assertThat(HEX.formatHex(tree.root(size)))
                    .as("root of %d leaves", size)
                    .isEqualTo(ROOTS.get(size - 1));
        }
    }

    @Test
    void root_appendedOneByOne_matchesPublishedRootAfterEachAppend() {
        MerkleTree tree = new MerkleTree();
        Rfc9162Hasher hasher = Rfc9162Hasher.create();
        for (int size = 1; size <= 8; size++) {
            tree.appendLeafHash(hasher.leaf(HEX.parseHex(LEAVES.get(size - 1))));
            assertThat(HEX.formatHex(tree.root(tree.size()))).isEqualTo(ROOTS.get(size - 1));
        }
    }

    @ParameterizedTest(name = "leaf {0} of {1}")
    @MethodSource("inclusionVectors")
    void inclusionPath_ctVector_matchesPublishedPath(int leafOneBased, int size, List<String> expected) {
        List<String> path = hex(ctTree().inclusionPath(leafOneBased - 1, size));
        assertThat(path).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "leaf {0} of {1}")
    @MethodSource("inclusionVectors")
    void verifyInclusion_ctVector_acceptsAndRejectsEveryMutation(int leafOneBased, int size, List<String> path) {
        ProofVerifier verifier = new ProofVerifier();
        byte[] leaf = Rfc9162Hasher.create().leaf(HEX.parseHex(LEAVES.get(leafOneBased - 1)));
        byte[] root = HEX.parseHex(ROOTS.get(size - 1));
        List<byte[]> proof = raw(path);
        verifier.verifyInclusion(leafOneBased - 1, size, leaf, proof, root);

        // The corruptions of proof/verify_test.go corruptInclusionProof.
        assertRejected(() -> verifier.verifyInclusion(leafOneBased - 2, size, leaf, proof, root));
        assertRejected(() -> verifier.verifyInclusion(leafOneBased, size, leaf, proof, root));
        assertRejected(() -> verifier.verifyInclusion((leafOneBased - 1) ^ 2, size, leaf, proof, root));
        assertRejected(() -> verifier.verifyInclusion(leafOneBased - 1, size * 2L, leaf, proof, root));
        assertRejected(() -> verifier.verifyInclusion(leafOneBased - 1, size / 2, leaf, proof, root));
        assertRejected(() -> verifier.verifyInclusion(leafOneBased - 1, size, flip(leaf), proof, root));
        assertRejected(() -> verifier.verifyInclusion(leafOneBased - 1, size, leaf, proof, flip(root)));
        assertRejected(() -> verifier.verifyInclusion(leafOneBased - 1, size, leaf, append(proof, root), root));
        for (int i = 0; i < proof.size(); i++) {
            List<byte[]> changed = new ArrayList<>(proof);
            changed.set(i, flip(proof.get(i)));
            assertRejected(() -> verifier.verifyInclusion(leafOneBased - 1, size, leaf, changed, root));
        }
    }

    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("consistencyVectors")
    void consistencyPath_ctVector_matchesPublishedPath(int size1, int size2, List<String> expected) {
        assertThat(hex(ctTree().consistencyPath(size1, size2))).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("consistencyVectors")
    void verifyConsistency_ctVector_acceptsAndRejectsEveryMutation(int size1, int size2, List<String> path) {
        ProofVerifier verifier = new ProofVerifier();
        byte[] root1 = HEX.parseHex(ROOTS.get(size1 - 1));
        byte[] root2 = HEX.parseHex(ROOTS.get(size2 - 1));
        List<byte[]> proof = raw(path);
        verifier.verifyConsistency(size1, size2, root1, root2, proof);

        assertRejected(() -> verifier.verifyConsistency(size1, size2, flip(root1), root2, proof));
        assertRejected(() -> verifier.verifyConsistency(size1, size2, root1, flip(root2), proof));
        assertRejected(() -> verifier.verifyConsistency(size1, size2, root1, root2, append(proof, root1)));
        if (!proof.isEmpty()) {
            // The size corruptions of proof/verify_test.go corruptConsistencyProof. (A size the RFC 9162
            // algorithm cannot tell apart, such as 6->8 for a 6->7 proof, is bound by the signed head.)
            assertRejected(() -> verifier.verifyConsistency(size1 - 1, size2, root1, root2, proof));
            assertRejected(() -> verifier.verifyConsistency(size1 + 1, size2, root1, root2, proof));
            assertRejected(() -> verifier.verifyConsistency(size1 ^ 2, size2, root1, root2, proof));
            assertRejected(() -> verifier.verifyConsistency(size1, size2 * 2L, root1, root2, proof));
            assertRejected(() -> verifier.verifyConsistency(size1, size2 / 2, root1, root2, proof));
            assertRejected(() -> verifier.verifyConsistency(size1, size2, root2, root1, proof));
            assertRejected(() -> verifier.verifyConsistency(size1, size2, root1, root2, List.of()));
            for (int i = 0; i < proof.size(); i++) {
                List<byte[]> changed = new ArrayList<>(proof);
                changed.set(i, flip(proof.get(i)));
                assertRejected(() -> verifier.verifyConsistency(size1, size2, root1, root2, changed));
            }
        }
    }

    @Test
    void verifyConsistency_fromEmptyTree_acceptsEmptyPathOnly() {
        ProofVerifier verifier = new ProofVerifier();
        byte[] empty = HEX.parseHex(EMPTY_ROOT);
        byte[] root8 = HEX.parseHex(ROOTS.get(7));
        verifier.verifyConsistency(0, 8, empty, root8, List.of());
        assertRejected(() -> verifier.verifyConsistency(0, 8, empty, root8, List.of(root8)));
        assertRejected(() -> verifier.verifyConsistency(8, 0, root8, empty, List.of()));
    }

    static MerkleTree ctTree() {
        MerkleTree tree = new MerkleTree();
        Rfc9162Hasher hasher = Rfc9162Hasher.create();
        for (String leaf : LEAVES) {
            tree.appendLeafHash(hasher.leaf(HEX.parseHex(leaf)));
        }
        return tree;
    }

    private static void assertRejected(Runnable verification) {
        assertThatThrownBy(verification::run).isInstanceOf(LedgerException.class);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] flip(byte[] hash) {
        byte[] copy = hash.clone();
        copy[0] ^= 0x08;
        return copy;
    }

    private static List<byte[]> append(List<byte[]> proof, byte[] extra) {
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(extra);
        return longer;
    }

    private static List<byte[]> raw(List<String> hex) {
        return hex.stream().map(HEX::parseHex).toList();
    }

    private static List<String> hex(List<byte[]> raw) {
        return raw.stream().map(HEX::formatHex).toList();
    }
}
