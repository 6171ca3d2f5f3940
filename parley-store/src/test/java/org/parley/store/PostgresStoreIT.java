package org.parley.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.testing.TestClock;
import org.parley.wire.Precedence;
import org.parley.wire.SignedEnvelope;

class PostgresStoreIT extends StoreContract {
    private String schema = "";

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static String url() {
        return env("PARLEY_PG_URL", "jdbc:postgresql://127.0.0.1:5432/parley");
    }

    static String user() {
        return env("PARLEY_PG_USER", "parley");
    }

    static String password() {
        return env("PARLEY_PG_PASSWORD", "parley");
    }

    /** A schema name no other test (or engineer) uses at the same time. */
    static String freshSchema(String prefix) {
        return prefix + "_" + Long.toHexString(Keys.RANDOM.nextLong() & Long.MAX_VALUE);
    }

    static void dropSchema(String schema) {
        try (Connection c = DriverManager.getConnection(url(), user(), password());
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test schema " + schema, e);
        }
    }

    @Override
    Store newStore(TestClock clock) {
        schema = freshSchema("it_store");
        return Store.postgres(url(), user(), password(), schema, clock);
    }

    @Override
    Store reopen(TestClock clock) {
        return Store.postgres(url(), user(), password(), schema, clock);
    }

    @Override
    void dropStore() {
        dropSchema(schema);
    }

    @Test
    void open_postgres_usesItsOwnSchema() {
        String current = ((JdbcStore) store)
                .inTransaction(
                        "schema",
                        c -> Sql.queryOne(c, r -> r.getString(1), "SELECT current_schema()")
                                .orElseThrow());

        assertThat(current).isEqualTo(schema);
        assertThat(store.engine()).isEqualTo("POSTGRES");
    }

    @Test
    void plannerStatistics_outboxFilledSinceLastAnalyze_analyzedWithinSeconds() throws InterruptedException {
        // Autovacuum off for this table, so only the store's own ANALYZE can refresh it.
        ((JdbcStore) store)
                .inTransaction(
                        "autovacuum off", c -> Sql.update(c, "ALTER TABLE outbox SET (autovacuum_enabled = false)"));
        List<SignedEnvelope> batch = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            batch.add(keys.blueMessage(clock, Precedence.ROUTINE, "bulk " + i));
        }
        store.enqueueAll(batch);

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long analyzed = 0;
        while (analyzed == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            analyzed = ((JdbcStore) store)
                    .inTransaction(
                            "analyze count",
                            c -> Sql.queryOne(
                                            c,
                                            r -> r.getLong(1),
                                            "SELECT analyze_count FROM pg_stat_user_tables"
                                                    + " WHERE schemaname = current_schema() AND relname = 'outbox'")
                                    .orElseThrow());
        }

        assertThat(analyzed)
                .as("ANALYZE runs on the outbox after 1,500 new rows")
                .isPositive();
    }
}
