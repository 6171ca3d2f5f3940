package org.parley.cli.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The duty officer's commands against a running node: send, inbox, outbox, ack, status. */
public final class OperatorCommands {
    private OperatorCommands() {}

    /** Shared: run against the API and turn its problem documents into one clear line. */
    abstract static class Base implements Callable<Integer> {
        @CommandLine.Spec
        @SuppressWarnings("NullAway.Init") // injected by picocli
        CommandLine.Model.CommandSpec spec;

        @Mixin
        NodeConnection node = new NodeConnection();

        abstract void run(OperatorClient client, PrintWriter out);

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                run(node.client(), out);
                out.flush();
                return 0;
            } catch (OperatorClient.ApiException | IllegalArgumentException e) {
                spec.commandLine().getErr().println("parley " + spec.name() + ": " + e.getMessage());
                return 1;
            }
        }

        void print(PrintWriter out, JsonNode json, Runnable table) {
            if (node.json) {
                out.println(json.toPrettyString());
            } else {
                table.run();
            }
        }

        static void messages(PrintWriter out, JsonNode list) {
            // ACKED BY: who acknowledged it; AWAITING: the role that must acknowledge it now (it
            // moves up the escalation chain as deadlines pass). Never one column for both.
            String row = "%-36s %-9s %-8s %-12s %-16s %-16s %s%n";
            out.printf(row, "ID", "PREC", "CATEGORY", "STATUS", "ACKED BY", "AWAITING", "TEXT");
            for (JsonNode m : list.path("messages")) {
                String text = m.path("text").asText();
                out.printf(
                        row,
                        m.path("id").asText(),
                        m.path("precedence").asText(),
                        m.path("category").asText(),
                        m.path("status").asText(),
                        m.path("acknowledgedBy").asText("-"),
                        m.has("acknowledgedBy")
                                ? "-"
                                : m.path("responsibleRole").asText("-"),
                        text.length() > 60 ? text.substring(0, 57) + "..." : text);
            }
        }
    }

    @Command(name = "send", mixinStandardHelpOptions = true, description = "Send a message to the other party.")
    public static final class Send extends Base {
        @Option(names = "--to", description = "The other party (checked against the node's peer).")
        String to = "";

        @Option(names = "--precedence", required = true, description = "FLASH, IMMEDIATE, PRIORITY or ROUTINE.")
        String precedence = "";

        @Option(names = "--category", required = true, description = "SAFETY, DIALOGUE, NOTICE or ROUTINE.")
        String category = "";

        @Option(names = "--text", required = true, description = "The message.")
        String text = "";

        @Override
        void run(OperatorClient client, PrintWriter out) {
            if (!to.isEmpty()) {
                String peer = client.get("health").path("peer").asText();
                if (!peer.equalsIgnoreCase(to)) {
                    throw new IllegalArgumentException("this node talks to " + peer + ", not " + to);
                }
            }
            ObjectNode body = OperatorClient.json().createObjectNode();
            body.put("precedence", precedence);
            body.put("category", category);
            body.put("text", text);
            JsonNode answer = client.post("api/v1/messages", body);
            print(
                    out,
                    answer,
                    () -> out.println(
                            "committed to the outbox as " + answer.path("id").asText()));
        }
    }

    /** A page of messages, newest first, as a table or JSON. */
    abstract static class Listing extends Base {
        @Option(
                names = "--limit",
                defaultValue = "100",
                description = "How many of the newest messages to show, 1 to 10000 (default ${DEFAULT-VALUE}).")
        int limit = 100;

        /** The API resource listed, relative to the node's base URL. */
        abstract String resource();

        @Override
        void run(OperatorClient client, PrintWriter out) {
            JsonNode list = client.get(resource() + "?limit=" + limit);
            print(out, list, () -> messages(out, list));
        }
    }

    @Command(name = "inbox", mixinStandardHelpOptions = true, description = "Messages received from the other party.")
    public static final class Inbox extends Listing {
        @Override
        String resource() {
            return "api/v1/inbox";
        }
    }

    @Command(name = "outbox", mixinStandardHelpOptions = true, description = "Messages sent, with their status.")
    public static final class Outbox extends Listing {
        @Override
        String resource() {
            return "api/v1/outbox";
        }
    }

    @Command(name = "ack", mixinStandardHelpOptions = true, description = "Acknowledge a received message.")
    public static final class Ack extends Base {
        @Parameters(paramLabel = "ID", description = "The message id, as shown by 'parley inbox'.")
        String id = "";

        @Override
        void run(OperatorClient client, PrintWriter out) {
            JsonNode answer = client.post(
                    "api/v1/messages/" + id + "/ack", OperatorClient.json().createObjectNode());
            print(
                    out,
                    answer,
                    () -> out.println("acknowledged " + id + " as "
                            + answer.path("acknowledgedBy").asText()));
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Node health, link and alarms.")
    public static final class Status extends Base {
        @Override
        void run(OperatorClient client, PrintWriter out) {
            ObjectNode all = OperatorClient.json().createObjectNode();
            all.set("health", client.get("health"));
            all.set("link", client.get("api/v1/link"));
            all.set("alarms", client.get("api/v1/alarms"));
            print(out, all, () -> {
                JsonNode h = all.path("health");
                JsonNode l = all.path("link");
                out.printf(
                        "node %s (peer %s), store %s, %s%n",
                        h.path("party").asText(),
                        h.path("peer").asText(),
                        h.path("store").asText(),
                        h.path("status").asText());
                out.printf(
                        "link: %s, last round trip %s ms, peer clock offset %s ms, %d/%d answered%n",
                        l.path("alarm").asBoolean() ? "ALARM" : "ok",
                        l.path("lastRoundTripMillis").asText("-"),
                        l.path("peerClockOffsetMillis").asText("-"),
                        l.path("answered").asLong(),
                        l.path("sent").asLong());
                for (JsonNode a : all.path("alarms").path("alarms")) {
                    out.printf(
                            "alarm %s %s %s%n",
                            a.path("at").asText(),
                            a.path("kind").asText(),
                            a.path("message").asText());
                }
            });
        }
    }
}
