package org.parley.node.record;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.parley.crypto.PartyIdentity;
import org.parley.wire.Party;

/** BLUE's keys in root/blue and RED's in root/red, each pinned to the other's CA, for the ledger ITs. */
record PinnedIds(PartyIdentity blue, PartyIdentity red) {
    static PinnedIds create(Path root, InstantSource clock, SecureRandom random) throws IOException {
        List<String> hosts = List.of("localhost", "127.0.0.1");
        PartyIdentity blue =
                PartyIdentity.init(root.resolve("blue"), Party.of("BLUE"), hosts, Optional.empty(), clock, random);
        PartyIdentity red =
                PartyIdentity.init(root.resolve("red"), Party.of("RED"), hosts, Optional.empty(), clock, random);
        blue.pinEachOther(red);
        return new PinnedIds(blue, red);
    }
}
