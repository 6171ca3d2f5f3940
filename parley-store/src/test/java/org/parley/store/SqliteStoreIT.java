package org.parley.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.parley.testing.TestClock;

class SqliteStoreIT extends StoreContract {
    private Path dir;

    @Override
    Store newStore(TestClock clock) {
        try {
            dir = Files.createTempDirectory("parley-sqlite-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Store.sqlite(dir.resolve("parley.db"), clock);
    }

    @Override
    Store reopen(TestClock clock) {
        return Store.sqlite(dir.resolve("parley.db"), clock);
    }

    @Test
    void open_sqliteFile_usesWalAndSynchronousFull() {
        String journal = ((JdbcStore) store)
                .inTransaction(
                        "pragma",
                        c -> Sql.queryOne(c, r -> r.getString(1), "PRAGMA journal_mode")
                                .orElseThrow());
        int synchronous = ((JdbcStore) store)
                .inTransaction(
                        "pragma",
                        c -> Sql.queryOne(c, r -> r.getInt(1), "PRAGMA synchronous")
                                .orElseThrow());

        assertThat(journal).isEqualToIgnoringCase("wal");
        assertThat(synchronous).isEqualTo(2); // SQLite: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA
        assertThat(store.engine()).isEqualTo("SQLITE");
    }
}
