package org.parley.cli.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.parley.cli.GroupCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parley incidents list|show|send|discard}: the encounter watch's incidents on a running
 * node, and the duty officer's decision on a drafted FLASH.
 */
@Command(
        name = "incidents",
        mixinStandardHelpOptions = true,
        description = "Encounter incidents of a running node; send or discard a drafted FLASH.",
        subcommands = {
            IncidentCommands.List.class,
            IncidentCommands.Show.class,
            IncidentCommands.Send.class,
            IncidentCommands.Discard.class
        })
public final class IncidentCommands extends GroupCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Incidents, most recently changed first.")
    public static final class List extends OperatorCommands.Base {
        @Option(names = "--open", description = "Only open incidents.")
        boolean open;

        @Option(
                names = "--limit",
                defaultValue = "100",
                description = "How many, 1 to 10000 (default ${DEFAULT-VALUE}).")
        int limit = 100;

        @Override
        void run(OperatorClient client, PrintWriter out) {
            JsonNode list = client.get("api/v1/incidents?limit=" + limit + (open ? "&open=true" : ""));
            print(out, list, () -> {
                String row = "%-32s %-4s %-8s %-7s %-20s %s%n";
                out.printf(row, "ID", "DOM", "LEVEL", "STATE", "UPDATED", "UNITS");
                for (JsonNode i : list.path("incidents")) {
                    out.printf(
                            row,
                            i.path("id").asText(),
                            i.path("domain").asText(),
                            i.path("level").asText(),
                            i.path("open").asBoolean() ? "open" : "closed",
                            i.path("updated").asText(),
                            i.path("unitA").asText() + " / " + i.path("unitB").asText());
                }
            });
        }
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "One incident: changes, notices, the peer's reports.")
    public static final class Show extends OperatorCommands.Base {
        @Parameters(index = "0", paramLabel = "ID", description = "The incident id.")
        String id = "";

        @Override
        void run(OperatorClient client, PrintWriter out) {
            JsonNode i = client.get("api/v1/incidents/" + encode(id));
            print(out, i, () -> {
                out.printf(
                        "%s  %s %s  %s / %s%n",
                        i.path("id").asText(),
                        i.path("domain").asText(),
                        i.path("level").asText(),
                        i.path("unitA").asText(),
                        i.path("unitB").asText());
                for (JsonNode c : i.path("changes")) {
                    out.printf(
                            "  %s %-9s %-7s range %.0f m, CPA %.0f m in %.0f s%n",
                            c.path("time").asText(),
                            c.path("kind").asText(),
                            c.path("level").asText(),
                            c.path("rangeMetres").asDouble(),
                            c.path("cpaMetres").asDouble(),
                            c.path("tcpaSeconds").asDouble());
                }
                for (JsonNode n : i.path("notices")) {
                    out.printf(
                            "  notice %-7s %-9s %s%s%n",
                            n.path("level").asText(),
                            n.path("state").asText(),
                            n.path("envelope").asText(""),
                            n.has("reason")
                                    ? " (" + n.path("decidedBy").asText() + ": "
                                            + n.path("reason").asText() + ")"
                                    : "");
                }
                for (JsonNode p : i.path("peer")) {
                    out.printf(
                            "  %s reported %s: %s%n",
                            p.path("from").asText(),
                            p.path("envelope").asText(),
                            p.path("summary").asText());
                }
            });
        }
    }

    @Command(
            name = "send",
            mixinStandardHelpOptions = true,
            description = "Send the drafted FLASH of an incident level.")
    public static final class Send extends OperatorCommands.Base {
        @Parameters(index = "0", paramLabel = "ID", description = "The incident id.")
        String id = "";

        @Option(names = "--level", required = true, description = "UNSAFE or HOTLINE: the level whose draft to send.")
        String level = "";

        @Override
        void run(OperatorClient client, PrintWriter out) {
            JsonNode answer = client.post(
                    "api/v1/incidents/" + encode(id) + "/notices/" + encode(level) + "/send",
                    OperatorClient.json().createObjectNode());
            print(
                    out,
                    answer,
                    () -> out.println("FLASH committed to the outbox as "
                            + answer.path("id").asText()));
        }
    }

    @Command(
            name = "discard",
            mixinStandardHelpOptions = true,
            description = "Discard the drafted FLASH of an incident level.")
    public static final class Discard extends OperatorCommands.Base {
        @Parameters(index = "0", paramLabel = "ID", description = "The incident id.")
        String id = "";

        @Option(names = "--level", required = true, description = "UNSAFE or HOTLINE.")
        String level = "";

        @Option(names = "--reason", required = true, description = "Why it is not sent (kept with the incident).")
        String reason = "";

        @Override
        void run(OperatorClient client, PrintWriter out) {
            ObjectNode body = OperatorClient.json().createObjectNode().put("reason", reason);
            JsonNode answer =
                    client.post("api/v1/incidents/" + encode(id) + "/notices/" + encode(level) + "/discard", body);
            print(out, answer, () -> out.println("discarded the " + level + " notice of " + id));
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
