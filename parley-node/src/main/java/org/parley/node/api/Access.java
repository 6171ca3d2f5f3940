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
    /** Operators whose token carries the ADMIN role: changes to the node's configuration. */
    ADMIN;

    /** Whether an authenticated operator with {@code role} may call a route with this access. */
    boolean admits(Role role) {
        return switch (this) {
            case PUBLIC, OPERATOR -> true;
            case ADMIN -> role == Role.ADMIN;
        };
    }
}
