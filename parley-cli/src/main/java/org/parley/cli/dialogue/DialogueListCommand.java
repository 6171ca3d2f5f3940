package org.parley.cli.dialogue;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parley.dialogue.Answer;
import org.parley.dialogue.DialogueEntry;
import org.parley.dialogue.DialogueLedger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code parley dialogue list}: every request with its status, NO_RESPONSE recorded where due. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List requests and answers.")
final class DialogueListCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    @SuppressWarnings("NullAway.Init") // injected by picocli
    DialogueCommand parent;

    @Override
    public Integer call() {
        if (parent.node.isPresent()) {
            return parent.remote(api -> api.get("api/v1/dialogue"), DialogueListCommand::table);
        }
        List<DialogueEntry> entries = parent.ledger().entries();
        PrintWriter out = parent.spec.commandLine().getOut();
        if (parent.json) {
            out.println(DialogueLedger.toJson(entries));
            return 0;
        }
        out.println(String.format(
                Locale.ROOT,
                "%-3s %-36s %-20s %-28s %-11s %-20s %s",
                "#",
                "id",
                "sent",
                "level",
                "status",
                "answered",
                "topic"));
        for (int i = 0; i < entries.size(); i++) {
            DialogueEntry e = entries.get(i);
            out.println(String.format(
                    Locale.ROOT,
                    "%-3d %-36s %-20s %-28s %-11s %-20s %s",
                    i + 1,
                    e.request().id(),
                    e.request().sentAt(),
                    e.request().level(),
                    e.status(),
                    e.answer().map(Answer::answeredAt).map(Object::toString).orElse("-"),
                    e.request().topic()));
        }
        return 0;
    }

    /** The node's listing as a table: one line per request. */
    private static String table(com.fasterxml.jackson.databind.JsonNode listing) {
        StringBuilder out = new StringBuilder(
                String.format(Locale.ROOT, "%-36s %-24s %-28s %-11s %s%n", "id", "sent", "level", "status", "topic"));
        for (com.fasterxml.jackson.databind.JsonNode e : listing.path("requests")) {
            out.append(String.format(
                    Locale.ROOT,
                    "%-36s %-24s %-28s %-11s %s%n",
                    e.path("id").asText(),
                    e.path("sentAt").asText(),
                    e.path("level").asText(),
                    e.path("status").asText(),
                    e.path("topic").asText()));
        }
        out.append("suspended now: ").append(listing.path("suspended")).append(" (SAFETY and LINKTEST never are)");
        return out.toString();
    }
}
