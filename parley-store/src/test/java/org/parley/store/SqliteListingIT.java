package org.parley.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import org.parley.testing.TestClock;

class SqliteListingIT extends ListingContract {
    @Override
    Store newStore(TestClock clock) {
        try {
            return Store.sqlite(Files.createTempDirectory("parley-listing-it").resolve("parley.db"), clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** EXPLAIN QUERY PLAN's detail column, e.g. "SCAN i USING INDEX inbox_listing". */
    @Override
    List<String> plan(String sql, Object... values) {
        return inTransaction(
                "explain", c -> Sql.query(c, row -> row.getString("detail"), "EXPLAIN QUERY PLAN " + sql, values));
    }
}
