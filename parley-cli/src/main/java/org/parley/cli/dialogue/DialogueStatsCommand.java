package org.parley.cli.dialogue;

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
        if (parent.node.isPresent()) {
            return parent.remote(
                    api -> api.get("api/v1/dialogue/stats?period=" + period.name()), DialogueStatsCommand::csv);
        }
        DialogueStats stats = parent.ledger().stats(period);
        PrintWriter out = parent.spec.commandLine().getOut();
        out.print(parent.json ? stats.toJson() + System.lineSeparator() : stats.toCsv());
        out.flush();
        return 0;
    }

    /** The node's statistics as CSV, the same columns as the local file's. */
    private static String csv(com.fasterxml.jackson.databind.JsonNode stats) {
        StringBuilder out = new StringBuilder(
                "period,level,sent,accepted,declined,countered,unanswered,pending," + "median_seconds_to_answer");
        java.util.List<com.fasterxml.jackson.databind.JsonNode> rows = new java.util.ArrayList<>();
        stats.path("rows").forEach(rows::add);
        rows.add(stats.path("total"));
        for (com.fasterxml.jackson.databind.JsonNode row : rows) {
            out.append(System.lineSeparator())
                    .append(String.join(
                            ",",
                            row.path("period").asText(),
                            row.path("level").asText(),
                            row.path("sent").asText(),
                            row.path("accepted").asText(),
                            row.path("declined").asText(),
                            row.path("countered").asText(),
                            row.path("unanswered").asText(),
                            row.path("pending").asText(),
                            row.path("medianSecondsToAnswer").isNull()
                                    ? ""
                                    : row.path("medianSecondsToAnswer").asText()));
        }
        return out.toString();
    }
}
