package org.parley.node.api;

import java.util.Locale;
import org.parley.node.NodeConfig.Role;

/** Who is calling: nobody in particular on a {@link Access#PUBLIC} route, else a named operator. */
sealed interface Identity {

    /** The caller of a public route; no token was looked at. */
    record Anonymous() implements Identity {}

    /** An operator whose bearer token the node config names. */
    record Operator(String name, Role role) implements Identity {
        public Operator {
            if (name.isBlank()) {
                throw new IllegalArgumentException("an operator has a name");
            }
        }

        /** The role as audit records and acknowledgments show it: {@code duty-officer}. */
        String roleLabel() {
            return role.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
