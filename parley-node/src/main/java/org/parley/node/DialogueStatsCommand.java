package org.parley.node;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.parley.dialogue.DialogueStats;
import org.parley.dialogue.Period;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parley dialogue stats}: sent, accepted, declined, countered, unanswered, median time to answer. */
@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        description = "Statistics per period and level, as a CSV table (or JSON with --json).")
final class DialogueStatsCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    @SuppressWarnings("NullAway.Init") // injected by picocli
    DialogueCommand parent;

    @Option(
            names = "--period",
            defaultValue = "YEAR",
            description = "MONTH, QUARTER or YEAR (default ${DEFAULT-VALUE}).")
    Period period = Period.YEAR;

    @Override
    public Integer call() {
        DialogueStats stats = parent.ledger().stats(period);
        PrintWriter out = parent.spec.commandLine().getOut();
        out.print(parent.json ? stats.toJson() + System.lineSeparator() : stats.toCsv());
        out.flush();
        return 0;
    }
}
