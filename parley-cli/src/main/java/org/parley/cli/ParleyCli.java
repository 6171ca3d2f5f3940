package org.parley.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.parley.cli.adsb.AdsbCommand;
import org.parley.cli.ais.AisCommand;
import org.parley.cli.demo.DemoCommand;
import org.parley.cli.dialogue.DialogueCommand;
import org.parley.cli.encounters.EncountersCommand;
import org.parley.cli.keys.KeysCommand;
import org.parley.cli.ledger.LedgerCommand;
import org.parley.cli.operator.IncidentCommands;
import org.parley.cli.operator.OperatorCommands;
import org.parley.cli.operator.PeerKeyCommands;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code parley} command line. Each capability adds its commands here as sub-commands; {@code
 * main} wires them by hand so the whole command tree can be read in one place.
 */
@Command(
        name = "parley",
        mixinStandardHelpOptions = true,
        versionProvider = ParleyCli.Version.class,
        description = "Parley: a hotline and encounter watch between two parties.",
        subcommands = {
            CommandLine.HelpCommand.class,
            DemoCommand.class,
            NodeCommand.class,
            OperatorCommands.Send.class,
            OperatorCommands.Inbox.class,
            OperatorCommands.Outbox.class,
            OperatorCommands.Ack.class,
            OperatorCommands.Status.class,
            IncidentCommands.class,
            PeerKeyCommands.class,
            KeysCommand.class,
            LedgerCommand.class,
            DialogueCommand.class,
            AisCommand.class,
            AdsbCommand.class,
            EncountersCommand.class
        })
public final class ParleyCli implements Runnable {
    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before run()
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command tree, for tests and for {@link #main}. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ParleyCli());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Version from the build, commit from the launcher ({@code -Dparley.commit}). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String commit = System.getProperty("parley.commit", "unknown");
            return new String[] {"parley " + buildVersion() + " (commit " + commit + ")"};
        }

        static String buildVersion() {
            Properties properties = new Properties();
            try (InputStream in = ParleyCli.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the build's version.properties", e);
            }
            return properties.getProperty("version", "unknown");
        }
    }
}
