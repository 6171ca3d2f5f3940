/**
 * The tamper-evident record: an RFC 9162 Merkle log per node, signed tree heads, inclusion and
 * consistency proofs, the link-test cross-check between the two parties' logs, and proof bundles
 * checkable offline.
 *
 * <p>Entry type: {@link org.parley.ledger.Ledger}. Storage is two small interfaces the node's store
 * implements ({@link org.parley.ledger.LeafStore}, {@link org.parley.ledger.TreeHeadStore}); both have
 * in-memory versions. The ledger keeps interior nodes in memory and rebuilds them from the leaf
 * store, which is the source of truth.
 *
 * <p>What the node appends: the exact canonical bytes of every envelope sent or received, every
 * receipt, acknowledgment, escalation and channel notice ({@code Ledger.append} returns the leaf
 * index to keep beside the envelope for its proof bundle later).
 *
 * <p>Building ({@code MerkleTree}) and checking ({@code ProofVerifier}) share nothing but the hash
 * function ({@code Rfc9162Hasher}), so a mistake in one is not mirrored in the other.
 */
@NullMarked
package org.parley.ledger;

import org.jspecify.annotations.NullMarked;
