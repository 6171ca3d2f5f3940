package org.parley.node.api;

import com.sun.net.httpserver.Headers;
import java.util.Map;
import java.util.Optional;
import org.parley.node.NodeConfig;

/**
 * The filter every request passes after routing and before its handler: a route's {@link Access}
 * decides whether a bearer token is needed (RFC 6750 §2.1) and which role it must carry. Handlers
 * only ever see the {@link Identity} this returns.
 */
final class Authenticator {
    private static final String PREFIX = "Bearer ";

    private final Map<String, NodeConfig.OperatorToken> tokens;

    Authenticator(Map<String, NodeConfig.OperatorToken> tokens) {
        this.tokens = Map.copyOf(tokens);
    }

    Identity admit(Route route, Headers requestHeaders) {
        if (route.access() == Access.PUBLIC) {
            return new Identity.Anonymous();
        }
        return check(route, authenticate(requestHeaders));
    }

    /** The role check alone, for an operator already authenticated (a console session). */
    static Identity.Operator check(Route route, Identity.Operator operator) {
        if (!route.access().admits(operator.role())) {
            throw new Problem(
                    403,
                    route + " needs the " + route.access() + " role; you (" + operator.name() + ") are "
                            + operator.role() + ". Ask an operator with the " + route.access() + " role.");
        }
        return operator;
    }

    /** The operator a token names, if it names one (the console's sign-in). */
    Optional<Identity.Operator> operatorFor(String token) {
        NodeConfig.OperatorToken known = tokens.get(token.strip());
        return known == null ? Optional.empty() : Optional.of(new Identity.Operator(known.operator(), known.role()));
    }

    private Identity.Operator authenticate(Headers requestHeaders) {
        String header =
                Optional.ofNullable(requestHeaders.getFirst("Authorization")).orElse("");
        if (!header.startsWith(PREFIX)) {
            // RFC 6750 §3: a request without credentials gets the challenge and no error code.
            throw new Problem(
                    401,
                    "send 'Authorization: Bearer <token>' with an operator token from the node config",
                    Map.of("WWW-Authenticate", "Bearer realm=\"parley\""));
        }
        NodeConfig.OperatorToken token =
                tokens.get(header.substring(PREFIX.length()).strip());
        if (token == null) {
            throw new Problem(
                    401,
                    "unknown operator token; use one listed under operator.tokens in the node config",
                    Map.of("WWW-Authenticate", "Bearer realm=\"parley\", error=\"invalid_token\""));
        }
        return new Identity.Operator(token.operator(), token.role());
    }
}
