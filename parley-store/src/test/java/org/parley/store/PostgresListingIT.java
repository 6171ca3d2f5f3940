package org.parley.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.parley.testing.TestClock;

class PostgresListingIT extends ListingContract {
    private String schema = "";

    @Override
    Store newStore(TestClock clock) {
        schema = PostgresStoreIT.freshSchema("it_listing");
        return Store.postgres(PostgresStoreIT.url(), PostgresStoreIT.user(), PostgresStoreIT.password(), schema, clock);
    }

    @Override
    void dropStore() {
        PostgresStoreIT.dropSchema(schema);
    }

    @Override
    List<String> plan(String sql, Object... values) {
        return inTransaction("explain", c -> Sql.query(c, row -> row.getString(1), "EXPLAIN " + sql, values));
    }

    /**
     * What autovacuum does after a bulk insert (PostgreSQL 13 on: vacuum on inserts too), which sets
     * the visibility map that index-only scans of the listing indexes rely on. VACUUM cannot run in
     * the pool's transactions, hence a connection of its own.
     */
    @Override
    void afterBulkLoad() {
        try (Connection c = DriverManager.getConnection(
                        PostgresStoreIT.url(), PostgresStoreIT.user(), PostgresStoreIT.password());
                Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE " + schema + ".inbox, " + schema + ".outbox, " + schema + ".acknowledgments");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot vacuum test schema " + schema, e);
        }
    }
}
