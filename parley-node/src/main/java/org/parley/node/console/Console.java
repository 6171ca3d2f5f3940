package org.parley.node.console;

import java.security.SecureRandom;
import java.time.InstantSource;
import org.parley.node.NodeConfig;
import org.parley.node.api.OperatorApi;
import org.parley.node.events.NodeEvents;

/**
 * The duty officer's console (issue 18), mounted on the operator API's port under {@code /console}
 * and {@code /login}. It keeps sessions and one-time login codes; everything else it shows or does
 * is an in-process call of the operator API ({@link OperatorApi#call}), so the API's validation,
 * role checks and audit apply unchanged.
 */
public final class Console {
    private final NodeConfig config;
    private final Sessions sessions;

    private Console(NodeConfig config, Sessions sessions) {
        this.config = config;
        this.sessions = sessions;
    }

    /** Mounts the console's pages on {@code api}'s server. */
    public static Console attach(
            OperatorApi api, NodeConfig config, NodeEvents events, InstantSource clock, SecureRandom random) {
        Sessions sessions = new Sessions(clock, random);
        ConsoleHandler handler = new ConsoleHandler(api, config.party().name(), sessions, new Templates(), events);
        api.mount("/console", handler);
        api.mount("/login", handler);
        return new Console(config, sessions);
    }

    /**
     * A one-time code (valid 10 minutes, good once) that signs in {@code operator}, who must hold a
     * token in the node config; open {@code /login?code=CODE} on the operator port to use it.
     */
    public String loginCode(String operator) {
        NodeConfig.OperatorToken token = config.tokens().values().stream()
                .filter(t -> t.operator().equals(operator))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "no operator '" + operator + "' under operator.tokens in the node config"));
        return sessions.issueCode(new OperatorApi.Caller(token.operator(), token.role()));
    }
}
