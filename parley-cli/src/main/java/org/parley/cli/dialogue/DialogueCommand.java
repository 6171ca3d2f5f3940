package org.parley.cli.dialogue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.parley.cli.operator.NodeConnection;
import org.parley.cli.operator.OperatorClient;
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
 * {@code parley dialogue}: requests for talks, answers, channel notices and statistics, through a
 * running node ({@code --config node.yaml}: signed envelopes to the other party) or in a local SQLite
 * file (for drafting and analysis). Exit status 0 when recorded, 1 when refused (the reason on
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
public final class DialogueCommand implements Callable<Integer> {
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

    @Option(
            names = "--config",
            paramLabel = "FILE",
            scope = CommandLine.ScopeType.INHERIT,
            description = "A running node's config: requests, answers and notices go to the other party as signed"
                    + " envelopes through that node, and list/stats read its record (default: the local --store"
                    + " file).")
    Optional<Path> node = Optional.empty();

    @Option(
            names = "--url",
            paramLabel = "URL",
            scope = CommandLine.ScopeType.INHERIT,
            description = "With --config: the node's operator API, when it is not the config's listen address.")
    Optional<java.net.URI> url = Optional.empty();

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            scope = CommandLine.ScopeType.INHERIT,
            description = "With --config: the operator token (or $PARLEY_TOKEN; default: the config's first token"
                    + " written in clear). Requests, answers and notices need a WATCH_SUPERVISOR or ADMIN token.")
    Optional<String> token = Optional.empty();

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

    /** The operator API of the node named by --config, when there is one. */
    Optional<OperatorClient> nodeClient() {
        return node.map(file -> {
            NodeConnection connection = new NodeConnection();
            connection.config = Optional.of(file);
            connection.url = url;
            connection.token = token;
            return connection.client();
        });
    }

    /**
     * Runs one call on the node's API: prints what {@code summary} makes of the answer (or the JSON
     * with --json) and exits 0; a refusal prints the node's reason and exits 1; an unreachable node
     * exits 2.
     */
    int remote(Function<OperatorClient, JsonNode> call, Function<JsonNode, String> summary) {
        OperatorClient client = nodeClient().orElseThrow();
        try {
            JsonNode answer = call.apply(client);
            spec.commandLine().getOut().println(json ? answer.toString() : summary.apply(answer));
            return 0;
        } catch (OperatorClient.ApiException e) {
            spec.commandLine()
                    .getErr()
                    .println("parley dialogue: " + (e.status == 0 ? "" : "refused: ") + e.getMessage());
            return e.status == 0 ? 2 : 1;
        }
    }

    /** Opens the ledger file: WAL and synchronous=FULL, as the node's store (docs/decisions.md, decision 7). */
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
