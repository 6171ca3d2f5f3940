package org.parley.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.parley.dialogue.channel.Admission;
import org.parley.dialogue.channel.ChannelNotice;
import org.parley.dialogue.channel.ChannelPolicy;
import org.parley.testing.TestClock;
import org.parley.wire.Category;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Party;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/** The ledger and the notices survive a restart, on a real SQLite file and, in CI, on PostgreSQL. */
class JdbcDialogueIT {
    private static final Party BLUE = Party.of("BLUE");
    private static final Party RED = Party.of("RED");
    private final TestClock clock = new TestClock(Instant.parse("2022-07-01T00:00:00Z"));
    private final SecureRandom random = new SecureRandom();

    @Test
    void reopen_sqliteFile_keepsRequestsAnswersNoticesAndNoResponse(@TempDir Path dir) throws SQLException {
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl("jdbc:sqlite:" + dir.resolve("dialogue.db"));
        // Another module's table already in the file: our migrations must sit beside it.
        try (Connection c = sqlite.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE outbox (envelope_id TEXT PRIMARY KEY)");
        }
        roundTrip(sqlite);
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "PARLEY_PG_URL", matches = "jdbc:postgresql:.*")
    void reopen_postgres_keepsRequestsAnswersNoticesAndNoResponse() throws SQLException {
        String schema = "dialogue_it_"
                + Long.toHexString(random.nextLong() & Long.MAX_VALUE).toLowerCase(Locale.ROOT);
        PGSimpleDataSource admin = postgres("");
        try (Connection c = admin.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try {
            roundTrip(postgres(schema));
        } finally {
            try (Connection c = admin.getConnection();
                    Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static PGSimpleDataSource postgres(String schema) {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setUrl(System.getenv("PARLEY_PG_URL"));
        pg.setUser(System.getenv().getOrDefault("PARLEY_PG_USER", "parley"));
        pg.setPassword(System.getenv().getOrDefault("PARLEY_PG_PASSWORD", "parley"));
        if (!schema.isEmpty()) {
            pg.setCurrentSchema(schema);
        }
        return pg;
    }

    private void roundTrip(DataSource dataSource) {
        ChannelPolicy channels = ChannelPolicy.jdbc(dataSource, clock);
        DialogueLedger ledger = DialogueLedger.jdbc(dataSource, channels, clock);
        Instant now = clock.instant();
        DialogueRequest answered = request(now, Level.MINISTERS);
        DialogueRequest silent = request(now, Level.THEATRE_COMMANDERS);
        assertThat(ledger.request(answered)).isInstanceOf(Outcome.Recorded.class);
        assertThat(ledger.request(silent)).isInstanceOf(Outcome.Recorded.class);
        clock.advance(Duration.ofDays(2));
        Answer.Declined decline = new Answer.Declined(answered.id(), id(), RED, clock.instant(), "not now");
        assertThat(ledger.answer(decline)).isInstanceOf(Outcome.Recorded.class);
        channels.apply(ChannelNotice.suspendAll(id(), RED, "visit", clock.instant(), clock.instant()));
        clock.advance(Duration.ofDays(30));
        List<DialogueEntry> before = ledger.entries();

        ChannelPolicy reopenedChannels = ChannelPolicy.jdbc(dataSource, clock);
        DialogueLedger reopened = DialogueLedger.jdbc(dataSource, reopenedChannels, clock);

        assertThat(reopened.entries()).isEqualTo(before).hasSize(2);
        assertThat(reopened.entry(silent.id()).orElseThrow().status()).isEqualTo(RequestStatus.NO_RESPONSE);
        assertThat(reopened.entry(answered.id()).orElseThrow().answer()).contains(decline);
        assertThat(reopenedChannels.notices()).isEqualTo(channels.notices()).hasSize(1);
        assertThat(reopenedChannels.admits(Category.DIALOGUE, clock.instant())).isInstanceOf(Admission.Suspended.class);
        assertThat(reopened.answer(new Answer.Declined(answered.id(), id(), RED, clock.instant(), "again")))
                .isInstanceOf(Outcome.Refused.class);
        assertThat(reopened.entries()).isEqualTo(before);
    }

    private DialogueRequest request(Instant now, Level level) {
        return new DialogueRequest(
                id(),
                BLUE,
                RED,
                level,
                "talks",
                List.of(now.plus(Duration.ofDays(40))),
                now.plus(Duration.ofDays(14)),
                now);
    }

    private EnvelopeId id() {
        return EnvelopeId.generate(clock, random);
    }
}
