package org.parley.cli.ledger;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code parley ledger}: Check the tamper-evident record; write and verify proof bundles. */
@Command(
        name = "ledger",
        mixinStandardHelpOptions = true,
        description = "Check the tamper-evident record; write and verify proof bundles.",
        subcommands = {LedgerVerifyCommand.class, LedgerProofCommand.class})
public final class LedgerCommand implements Callable<Integer> {
    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
