package org.parley.cli.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import org.parley.cli.GroupCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parley peer-keys list|revoke}: peer signing keys revoked on a running node, and an ADMIN's
 * decision to revoke one (issue 19, item 12; docs/security.md, "Revoking a key").
 */
@Command(
        name = "peer-keys",
        mixinStandardHelpOptions = true,
        description = "Peer signing keys revoked on a running node; revoke one (ADMIN).",
        subcommands = {PeerKeyCommands.List.class, PeerKeyCommands.Revoke.class})
public final class PeerKeyCommands extends GroupCommand {
    private static final String PATH = "api/v1/peer-keys/revocations";

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Revoked peer keys, earliest first.")
    public static final class List extends OperatorCommands.Base {
        @Override
        void run(OperatorClient client, PrintWriter out) {
            JsonNode answer = client.get(PATH);
            print(out, answer, () -> {
                String row = "%-32s %-27s %-8s %s%n";
                out.printf(row, "KEY", "REVOKED FROM", "BY", "REASON");
                for (JsonNode r : answer.path("revocations")) {
                    out.printf(
                            row,
                            r.path("keyId").asText(),
                            r.path("revokedAt").asText(),
                            r.path("source").asText(),
                            r.path("reason").asText());
                }
            });
        }
    }

    @Command(
            name = "revoke",
            mixinStandardHelpOptions = true,
            description = "Revoke a peer signing key by this node's decision (ADMIN token; audited).")
    public static final class Revoke extends OperatorCommands.Base {
        @Parameters(paramLabel = "KEY", description = "The peer key id (32 hex digits).")
        String keyId = "";

        @Option(names = "--reason", required = true, description = "Why, for the audit log.")
        String reason = "";

        @Option(
                names = "--from",
                description = "Refuse envelopes created from this UTC time on (RFC 3339; default: now).")
        String from = "";

        @Override
        void run(OperatorClient client, PrintWriter out) {
            ObjectNode body =
                    OperatorClient.json().createObjectNode().put("keyId", keyId).put("reason", reason);
            if (!from.isEmpty()) {
                body.put("revokedAt", from);
            }
            JsonNode answer = client.post(PATH, body);
            print(
                    out,
                    answer,
                    () -> out.println("revoked peer key " + answer.path("keyId").asText() + " from "
                            + answer.path("revokedAt").asText()));
        }
    }
}
