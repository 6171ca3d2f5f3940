package org.parley.cli.ledger;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.Optional;
import org.parley.crypto.PartyIdentity;
import org.parley.node.NodeConfig;
import org.parley.node.record.NodeLedger;
import org.parley.store.Store;

/**
 * A node's store and keys opened by a command, without starting the node: for the ledger tools an
 * engineer runs on the node's machine, with the node up or down.
 */
final class OfflineNode {
    private OfflineNode() {}

    /** Loads the config, or prints why not (prefixed with the command's name) and returns empty. */
    static Optional<NodeConfig> config(Path file, PrintWriter err, String command) {
        try {
            return Optional.of(NodeConfig.load(file));
        } catch (IllegalArgumentException e) {
            err.println(command + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The node's record in {@code store}, with the node's keys (read only; nothing is signed),
     * decrypted with {@code passphrase} if they were made with one.
     */
    static NodeLedger ledger(NodeConfig config, Store store, Optional<char[]> passphrase) {
        PartyIdentity identity = PartyIdentity.load(config.keysDir(), passphrase, new SecureRandom());
        return NodeLedger.open(store, identity, config.peer(), InstantSource.system());
    }
}
