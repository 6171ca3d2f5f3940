package org.parley.ledger;

import java.util.List;
import java.util.Optional;

/**
 * Durable storage of tree heads: the heads this node signed, its own heads as countersigned by the
 * peer (needed for proof bundles), and the peer's heads as countersigned by this node (the baseline
 * for the next consistency check). Lists come back in the order they were saved.
 */
public interface TreeHeadStore {

    void saveOwnHead(SignedTreeHead head);

    List<SignedTreeHead> ownHeads();

    /** This node's head, countersigned by the peer at a link test. */
    void saveOwnCountersigned(CountersignedTreeHead head);

    List<CountersignedTreeHead> ownCountersigned();

    /** The peer's head, countersigned by this node after its consistency proof checked. */
    void savePeerHead(CountersignedTreeHead head);

    /** The peer head saved last, the one the next consistency proof must start from. */
    Optional<CountersignedTreeHead> latestPeerHead();

    /** A store that lives and dies with the process: for tests, demos and benchmarks. */
    static TreeHeadStore inMemory() {
        return new InMemoryTreeHeadStore();
    }
}
