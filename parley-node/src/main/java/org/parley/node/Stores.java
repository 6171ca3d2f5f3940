package org.parley.node;

import java.nio.file.Path;
import java.time.InstantSource;
import org.parley.store.Store;

/** Opens the store a node config names (docs/decisions.md, decision 7: SQLite by default, PostgreSQL in production). */
final class Stores {
    private static final String SQLITE = "jdbc:sqlite:";
    private static final String POSTGRES = "jdbc:postgresql:";

    private Stores() {}

    static Store open(NodeConfig config, InstantSource clock) {
        String url = config.storeUrl();
        if (url.startsWith(SQLITE)) {
            return Store.sqlite(Path.of(url.substring(SQLITE.length())), clock);
        }
        if (url.startsWith(POSTGRES)) {
            return Store.postgres(url, config.storeUser(), config.storePassword(), config.storeSchema(), clock);
        }
        throw new IllegalArgumentException("store must be jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB: " + url);
    }
}
