package org.parley.cli.ledger;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.parley.cli.keys.PassphraseOption;
import org.parley.ledger.LedgerException;
import org.parley.ledger.ProofBundle;
import org.parley.node.HotlineNode;
import org.parley.node.NodeConfig;
import org.parley.store.Store;
import org.parley.wire.EnvelopeId;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code parley ledger proof --config node.yaml --envelope ID --out FILE}: writes the proof bundle
 * of one envelope this node sent or received, read from the node's store and keys directory. Works
 * whether the node runs or not (SQLite in WAL mode and PostgreSQL both allow a second reader).
 */
@Command(
        name = "proof",
        mixinStandardHelpOptions = true,
        description = {
            "Write the proof bundle of one envelope sent or received by a node: its exact bytes and",
            "signature, its inclusion proof and a tree head of this node countersigned by the peer.",
            "Check it anywhere with 'parley ledger verify BUNDLE --peer-ca FILE'."
        },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:bundle written",
            "1:no bundle can be made for this envelope (the message says why)",
            "2:the config, store or output file could not be used"
        })
final class LedgerProofCommand implements Callable<Integer> {
    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(
            names = "--config",
            required = true,
            paramLabel = "FILE",
            description = "the node's YAML config")
    @SuppressWarnings("NullAway.Init") // set by picocli
    private Path config;

    @CommandLine.Option(names = "--envelope", required = true, paramLabel = "ID", description = "envelope id")
    @SuppressWarnings("NullAway.Init") // set by picocli
    private String envelope;

    @CommandLine.Option(names = "--out", required = true, paramLabel = "FILE", description = "bundle file to write")
    @SuppressWarnings("NullAway.Init") // set by picocli
    private Path out;

    @CommandLine.Mixin
    @SuppressWarnings("NullAway.Init") // set by picocli
    private PassphraseOption passphrase;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<EnvelopeId> id = parseId(err);
        Optional<NodeConfig> loaded = OfflineNode.config(config, err, "parley ledger proof");
        if (id.isEmpty() || loaded.isEmpty()) {
            return 2;
        }
        try (Store store = HotlineNode.openStore(loaded.get(), InstantSource.system())) {
            ProofBundle bundle = OfflineNode.ledger(loaded.get(), store, passphrase.passphrase())
                    .proofBundle(id.get());
            Files.writeString(out, bundle.toJson(), StandardCharsets.UTF_8);
            spec.commandLine()
                    .getOut()
                    .println("wrote the proof bundle of " + id.get() + " to " + out + ": leaf "
                            + bundle.inclusionProof().leafIndex() + " under our tree head of size "
                            + bundle.treeHead().signedHead().treeSize() + " signed at "
                            + bundle.treeHead().signedHead().head().timestamp() + ", countersigned by "
                            + loaded.get().peer());
            return 0;
        } catch (LedgerException e) {
            err.println("parley ledger proof: " + e.getMessage() + "; nothing was written to " + out);
            return 1;
        } catch (IOException e) {
            err.println("parley ledger proof: cannot write " + out + ": " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("parley ledger proof: cannot open the node's store or keys: " + e.getMessage());
            return 2;
        }
    }

    private Optional<EnvelopeId> parseId(PrintWriter err) {
        try {
            return Optional.of(EnvelopeId.parse(envelope));
        } catch (IllegalArgumentException e) {
            err.println("parley ledger proof: --envelope " + envelope + " is not an envelope id: " + e.getMessage());
            return Optional.empty();
        }
    }
}
