package org.parley.cli.encounters;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.parley.cli.GroupCommand;
import org.parley.encounter.EncounterConfig;
import org.parley.encounter.EncounterEngine;
import org.parley.encounter.EncounterEvent;
import org.parley.encounter.EncounterException;
import org.parley.encounter.Level;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parley encounters}: Replay feeds through the encounter watch. */
@Command(
        name = "encounters",
        mixinStandardHelpOptions = true,
        description = "Replay feeds through the encounter watch.",
        subcommands = {EncountersCommand.Replay.class})
public final class EncountersCommand extends GroupCommand {

    @Command(
            name = "replay",
            mixinStandardHelpOptions = true,
            description = {
                "Reads AIS (NMEA), ADS-B (AVR, Beast, SBS) or synthetic CSV files in time order through the "
                        + "track table and the encounter engine, and prints every incident event.",
                "AIS positions need a time (tag block, trailing epoch, $PGHP or $xxZDA); ADS-B times are the "
                        + "file's modification time plus the Beast 12 MHz counter when present."
            })
    static final class Replay implements Callable<Integer> {
        @CommandLine.Spec
        @SuppressWarnings("NullAway.Init") // injected by picocli before call()
        private CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Feed files, replayed one after another.")
        private List<Path> files = new ArrayList<>();

        @Option(names = "--parties", paramLabel = "YAML", description = "Parties and unit registry.")
        private Optional<Path> parties = Optional.empty();

        @Option(names = "--rules", paramLabel = "YAML", description = "Rules, suppression and harbour zones.")
        private Optional<Path> rules = Optional.empty();

        @Option(
                names = "--geojson",
                paramLabel = "FILE",
                description = "Write tracks and closest approaches as GeoJSON.")
        private Optional<Path> geojson = Optional.empty();

        @Option(names = "--cap", paramLabel = "DIR", description = "Write one CAP 1.2 alert per event into DIR.")
        private Optional<Path> capDir = Optional.empty();

        @Option(
                names = "--sender",
                description = "CAP sender (default: ${DEFAULT-VALUE}).",
                defaultValue = "parley-watch")
        private String sender = "parley-watch";

        @Option(names = "--json", description = "One JSON object per event instead of text.")
        private boolean json;

        @Option(
                names = "--no-progress",
                description = "No progress bar on stderr (there is none anyway when stderr is not a terminal).")
        private boolean noProgress;

        /**
         * The launcher says whether stderr is a terminal ({@code -Dparley.stderrIsTerminal}); the
         * JVM cannot tell on Java 21 alone, and a bar redrawn with carriage returns only garbles a
         * log file.
         */
        private boolean showProgress() {
            return !noProgress && Boolean.getBoolean("parley.stderrIsTerminal");
        }

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            EncounterConfig config;
            try {
                config = rules.map(EncounterConfig::readRules).orElse(EncounterConfig.defaults());
                if (parties.isPresent()) {
                    config = config.withParties(EncounterConfig.readParties(parties.get()));
                }
            } catch (EncounterException e) {
                err.println("parley encounters: " + e.getMessage());
                return 2;
            }
            for (Path f : files) {
                if (!Files.isReadable(f)) {
                    err.println("parley encounters: cannot read " + f.toAbsolutePath());
                    return 2;
                }
            }
            EncounterEngine engine = new EncounterEngine(config);
            EncounterReplay replay = new EncounterReplay(engine, showProgress() ? Optional.of(err) : Optional.empty());
            Map<Level, Long> alerts = new EnumMap<>(Level.class);
            ObjectMapper mapper = new ObjectMapper();
            int[] written = {0};
            for (Path f : files) {
                replay.replay(f, event -> {
                    print(out, mapper, event);
                    if (event.kind() != EncounterEvent.Kind.CLOSED) {
                        alerts.merge(event.level(), 1L, Long::sum);
                    }
                    capDir.ifPresent(dir -> writeCap(dir, event, written[0]++, err));
                });
            }
            replay.finish(event -> print(out, mapper, event));
            out.flush();
            if (geojson.isPresent()) {
                Files.writeString(geojson.get(), engine.geoJson(), StandardCharsets.UTF_8);
            }
            err.printf(
                    "parley encounters: %d position reports, %d tracks, alerts %s, refused %s, late %d%n",
                    replay.reports(), engine.trackCount(), alerts, engine.rejectCounts(), engine.lateReports());
            return 0;
        }

        private void print(PrintWriter out, ObjectMapper mapper, EncounterEvent e) {
            if (!json) {
                out.println(e.summary());
                return;
            }
            try {
                out.println(mapper.writeValueAsString(e.jsonMembers()));
            } catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
        }

        private void writeCap(Path dir, EncounterEvent event, int n, PrintWriter err) {
            try {
                Files.createDirectories(dir);
                Files.writeString(
                        dir.resolve(String.format("%05d-%s-%s.xml", n, event.kind(), event.level())),
                        EncounterEngine.capAlert(event, sender));
            } catch (IOException e) {
                err.println("parley encounters: cannot write CAP alert into " + dir + ": " + e.getMessage());
            }
        }
    }
}
