package org.parley.node.api;

import org.parley.node.NodeConfig.Role;

/**
 * Who may call a route. Declared beside each {@link Route}; {@link Authenticator} enforces it before
 * any handler runs, so a handler never checks a token or a role itself.
 */
enum Access {
    /** Anyone who can reach the port: liveness, metrics and the API document. */
    PUBLIC,
    /** Any operator with a token from the node config, whatever the role. */
    OPERATOR,
    /**
     * Watch supervisors and admins: what commits the party towards the other one beyond the safety
     * channel (requests for talks, their answers, channel suspensions and resumptions).
     */
    SUPERVISOR,
    /** Operators whose token carries the ADMIN role: changes to the node's configuration. */
    ADMIN;

    /** The roles admitted, as a refusal names them. */
    String roles() {
        return switch (this) {
            case PUBLIC, OPERATOR -> "any";
            case SUPERVISOR -> "WATCH_SUPERVISOR or ADMIN";
            case ADMIN -> "ADMIN";
        };
    }

    /** Whether an authenticated operator with {@code role} may call a route with this access. */
    boolean admits(Role role) {
        return switch (this) {
            case PUBLIC, OPERATOR -> true;
            case SUPERVISOR -> role == Role.WATCH_SUPERVISOR || role == Role.ADMIN;
            case ADMIN -> role == Role.ADMIN;
        };
    }
}
