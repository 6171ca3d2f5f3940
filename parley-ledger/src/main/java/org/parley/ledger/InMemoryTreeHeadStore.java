package org.parley.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link TreeHeadStore} on lists; thread-safe through its monitor. */
final class InMemoryTreeHeadStore implements TreeHeadStore {
    private final List<SignedTreeHead> own = new ArrayList<>();
    private final List<CountersignedTreeHead> ownCountersigned = new ArrayList<>();
    private final List<CountersignedTreeHead> peer = new ArrayList<>();

    @Override
    public synchronized void saveOwnHead(SignedTreeHead head) {
        own.add(head);
    }

    @Override
    public synchronized List<SignedTreeHead> ownHeads() {
        return List.copyOf(own);
    }

    @Override
    public synchronized void saveOwnCountersigned(CountersignedTreeHead head) {
        ownCountersigned.add(head);
    }

    @Override
    public synchronized List<CountersignedTreeHead> ownCountersigned() {
        return List.copyOf(ownCountersigned);
    }

    @Override
    public synchronized void savePeerHead(CountersignedTreeHead head) {
        peer.add(head);
    }

    @Override
    public synchronized Optional<CountersignedTreeHead> latestPeerHead() {
        return peer.isEmpty() ? Optional.empty() : Optional.of(peer.get(peer.size() - 1));
    }
}
