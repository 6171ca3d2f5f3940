package org.parley.cli.ledger;

import org.parley.cli.GroupCommand;
import picocli.CommandLine.Command;

/** {@code parley ledger}: Check the tamper-evident record; write and verify proof bundles. */
@Command(
        name = "ledger",
        mixinStandardHelpOptions = true,
        description = "Check the tamper-evident record; write and verify proof bundles.",
        subcommands = {LedgerVerifyCommand.class, LedgerProofCommand.class})
public final class LedgerCommand extends GroupCommand {}
