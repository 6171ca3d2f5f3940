package org.parley.encounter;

import java.util.Optional;
import org.parley.track.TargetId;

/** Identity to unit: the registry overrides, otherwise flag state and the party holding it. */
final class Attribution {
    private final StateTables tables;
    private final EncounterConfig.Parties parties;

    Attribution(StateTables tables, EncounterConfig.Parties parties) {
        this.tables = tables;
        this.parties = parties;
    }

    Unit unit(TargetId id) {
        Optional<String> state = tables.stateOf(id);
        Optional<String> partyByFlag = state.map(s -> parties.partyOfState().get(s));
        EncounterConfig.RegisteredUnit registered = parties.units().get(id);
        if (registered == null) {
            return new Unit(id, state, partyByFlag, Optional.empty());
        }
        Optional<String> party = registered.party().isPresent() ? registered.party() : partyByFlag;
        return new Unit(id, state, party, Optional.of(registered.name()));
    }

    /** True when both units belong to parties and the parties differ. */
    static boolean foreign(Unit a, Unit b) {
        return a.party().isPresent() && b.party().isPresent() && !a.party().equals(b.party());
    }
}
