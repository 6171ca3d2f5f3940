package org.parley.node.messages;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.parley.store.Store;
import org.parley.testing.TestClock;

class PostgresMessagePagingIT extends MessagePagingContract {
    private String schema = "";

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static final String URL = env("PARLEY_PG_URL", "jdbc:postgresql://127.0.0.1:5432/parley");
    private static final String USER = env("PARLEY_PG_USER", "parley");
    private static final String PASSWORD = env("PARLEY_PG_PASSWORD", "parley");

    @Override
    Store newStore(TestClock clock) {
        schema = "it_paging_" + Long.toHexString(TwoParties.RANDOM.nextLong() & Long.MAX_VALUE);
        return Store.postgres(URL, USER, PASSWORD, schema, clock);
    }

    @Override
    Store reopen(TestClock clock) {
        return Store.postgres(URL, USER, PASSWORD, schema, clock);
    }

    @Override
    void dropStore() {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test schema " + schema, e);
        }
    }
}
