package org.parley.node;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import org.parley.dialogue.DialogueEntry;
import org.parley.dialogue.DialogueLedger;
import org.parley.dialogue.Outcome;
import org.parley.dialogue.channel.ChannelPolicy;
import org.parley.wire.Party;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parley dialogue}: requests for talks, answers and statistics, kept in a local SQLite file
 * until the node's store carries them. Exit status 0 when recorded, 1 when refused (the reason on
 * stderr, nothing stored), 2 for a usage error.
 */
@Command(
        name = "dialogue",
        mixinStandardHelpOptions = true,
        description = "Requests for talks, answers and statistics.",
        subcommands = {
            DialogueRequestCommand.class,
            DialogueAnswerCommand.class,
            DialogueListCommand.class,
            DialogueStatsCommand.class,
            DialogueNoticeCommand.class,
            DialoguePhraseCommand.class
        })
final class DialogueCommand implements Callable<Integer> {
    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--store",
            defaultValue = "${env:PARLEY_DIALOGUE_STORE:-parley-dialogue.db}",
            description = "SQLite file of the dialogue ledger (default ${DEFAULT-VALUE}; env PARLEY_DIALOGUE_STORE).")
    Path store = Path.of("parley-dialogue.db");

    @Option(
            names = "--party",
            defaultValue = "BLUE",
            description = "This side's party name (default ${DEFAULT-VALUE}).")
    String party = "BLUE";

    @Option(names = "--peer", defaultValue = "RED", description = "The other party's name (default ${DEFAULT-VALUE}).")
    String peer = "RED";

    @Option(names = "--json", description = "Print JSON for scripts.", scope = CommandLine.ScopeType.INHERIT)
    boolean json;

    private static final String FLYWAY_LOG_LEVEL = "org.slf4j.simpleLogger.log.org.flywaydb";

    private final InstantSource clock;
    private final SecureRandom random;

    DialogueCommand() {
        this(InstantSource.system(), new SecureRandom());
    }

    DialogueCommand(InstantSource clock, SecureRandom random) {
        // Whole milliseconds, the precision envelopes carry, so the file reads like the wire.
        this.clock = () -> clock.instant().truncatedTo(ChronoUnit.MILLIS);
        this.random = random;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    InstantSource clock() {
        return clock;
    }

    SecureRandom random() {
        return random;
    }

    Party self() {
        return Party.of(party);
    }

    Party other() {
        return Party.of(peer);
    }

    /** Opens the ledger file: WAL and synchronous=FULL, as the node's store (DESIGN decision 7). */
    DialogueLedger ledger() {
        quietMigrations();
        SQLiteDataSource source = dataSource();
        return DialogueLedger.jdbc(source, ChannelPolicy.jdbc(source, clock), clock);
    }

    private SQLiteDataSource dataSource() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(5000);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + store.toAbsolutePath());
        return source;
    }

    /** The channel notices of the same file. */
    ChannelPolicy channels() {
        quietMigrations();
        return ChannelPolicy.jdbc(dataSource(), clock);
    }

    /** Migration chatter is not for the operator; slf4j-simple reads this once, at first use. */
    private static void quietMigrations() {
        if (System.getProperty(FLYWAY_LOG_LEVEL) == null) {
            System.setProperty(FLYWAY_LOG_LEVEL, "warn");
        }
    }

    /** Prints a recorded entry (exit 0) or the refusal (exit 1). */
    int report(Outcome<DialogueEntry> outcome, String verb) {
        PrintWriter out = spec.commandLine().getOut();
        return switch (outcome) {
            case Outcome.Recorded<DialogueEntry> recorded -> {
                if (json) {
                    out.println(DialogueLedger.toJson(List.of(recorded.value())));
                } else {
                    out.println(verb + " " + recorded.value().request().id() + " ("
                            + recorded.value().status() + ")");
                }
                yield 0;
            }
            case Outcome.Refused<DialogueEntry> refused -> {
                spec.commandLine().getErr().println("parley dialogue: refused: " + refused.reason());
                yield 1;
            }
        };
    }

    static Instant parseInstant(String text, String what) {
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new CommandLine.TypeConversionException(
                    what + " must be an ISO-8601 UTC time such as 2026-12-01T09:00:00Z: '" + text + "'");
        }
    }

    static Duration days(long days) {
        return Duration.ofDays(days);
    }
}
