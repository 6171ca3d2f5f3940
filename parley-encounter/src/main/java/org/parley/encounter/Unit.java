package org.parley.encounter;

import java.util.Optional;
import org.parley.track.TargetId;

/**
 * A participant as the watch attributes it: its identity, flag state (ISO 3166-1 alpha-2) from
 * MID or ICAO block, its party, and its name when the unit registry knows it.
 */
public record Unit(TargetId id, Optional<String> state, Optional<String> party, Optional<String> name) {

    /** Name if known, else the identity label; with party and state for people reading alerts. */
    public String describe() {
        return name.orElse(id.label()) + " (" + party.orElse("no party") + ", " + state.orElse("flag unknown") + ")";
    }
}
