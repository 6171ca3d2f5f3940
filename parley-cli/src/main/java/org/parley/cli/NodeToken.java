package org.parley.cli;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Callable;
import org.parley.node.NodeConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parley node token --operator NAME --role ROLE}: makes a new operator token (256 random
 * bits) and prints it once, with the line for node.yaml that holds only its SHA-256 hash, so the
 * config file never holds a usable secret (issue 19, item 14).
 */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = {
            "Make a new operator token and print it with its node.yaml line (which holds only its SHA-256).",
            "Give the token to the operator; put the line under operator.tokens; the token is not shown again."
        })
final class NodeToken implements Callable<Integer> {
    private static final int TOKEN_BYTES = 32;

    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--operator", required = true, description = "The operator's name, as audit records show it.")
    @SuppressWarnings("NullAway.Init") // set by picocli
    String operator;

    @Option(
            names = "--role",
            required = true,
            description = "DUTY_OFFICER, WATCH_SUPERVISOR or ADMIN (see docs/security.md for what each may do).")
    @SuppressWarnings("NullAway.Init") // set by picocli
    NodeConfig.Role role;

    @Override
    public Integer call() {
        byte[] secret = new byte[TOKEN_BYTES];
        new SecureRandom().nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        PrintWriter out = spec.commandLine().getOut();
        out.println("token: " + token);
        out.println("node.yaml, under operator.tokens:");
        out.println("  \"" + NodeConfig.OperatorToken.hashOf(token) + "\": { operator: " + operator + ", role: " + role
                + " }");
        out.flush();
        return 0;
    }
}
