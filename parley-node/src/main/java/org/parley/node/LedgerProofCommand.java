package org.parley.node;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code parley ledger proof --envelope ID --out FILE}: writes the proof bundle of one envelope.
 * The bundle is built by {@code Ledger.proofBundle}; finding the envelope's bytes, signature and
 * leaf index needs the node's store, which is wired by the node owner.
 */
@Command(
        name = "proof",
        mixinStandardHelpOptions = true,
        description = "Write the proof bundle of one envelope (needs the node's store).")
final class LedgerProofCommand implements Callable<Integer> {
    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--envelope", required = true, paramLabel = "ID", description = "envelope id")
    @SuppressWarnings("NullAway.Init") // set by picocli
    private String envelope;

    @CommandLine.Option(names = "--out", required = true, paramLabel = "FILE", description = "bundle file to write")
    @SuppressWarnings("NullAway.Init") // set by picocli
    private Path out;

    @Override
    public Integer call() {
        spec.commandLine()
                .getErr()
                .println("parley ledger proof: this build cannot open the node's store yet, so envelope " + envelope
                        + " cannot be looked up; nothing was written to " + out + ".");
        return 2;
    }
}
