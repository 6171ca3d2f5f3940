package org.parley.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.encounter.ScenarioFeeds;
import org.parley.track.PositionReport;
import org.parley.track.csv.ReportCsv;

/** {@code parley flink replay} prints the lines {@code parley encounters replay} prints for the same file. */
class FlinkReplayIT {
    @Test
    void run_scenarioFile_printsTheEngineSummaryLinesInTimeOrder(@TempDir Path dir) throws Exception {
        List<PositionReport> all = new ArrayList<>();
        Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
        List<List<String>> feeds = ScenarioFeeds.all();
        for (int i = 0; i < feeds.size(); i++) {
            List<PositionReport> r = Transmitters.parse(feeds.get(i), Duration.ZERO);
            all.addAll(
                    Transmitters.parse(feeds.get(i), Duration.between(r.get(0).time(), t0.plusSeconds(90L * i))));
        }
        all.sort(Comparator.comparing(PositionReport::time));
        Path feed = dir.resolve("scenarios.csv");
        List<String> lines = new ArrayList<>(List.of(ReportCsv.HEADER));
        all.forEach(r -> lines.add(ReportCsv.format(r)));
        Files.write(feed, lines, StandardCharsets.UTF_8);
        Path parties = dir.resolve("parties.yaml");
        try (InputStream in = Objects.requireNonNull(
                FlinkReplayIT.class.getResourceAsStream("/org/parley/encounter/scenario-parties.yaml"))) {
            Files.write(parties, in.readAllBytes());
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = FlinkReplay.run(
                new String[] {feed.toString(), "--parties", parties.toString(), "--parallelism", "2"},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        List<Messages.Report> reports = FlinkReplay.decode(feed, 0);
        WatchSettings settings =
                Reference.settings(reports, WatchSettings.defaults().withParties(Files.readString(parties)));
        List<String> engine = Reference.incidents(reports, settings.config()).stream()
                .map(Incident::summary)
                .toList();
        List<String> printed = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(status).isZero();
        assertThat(engine).anyMatch(l -> l.contains("HOTLINE"));
        assertThat(printed).containsExactlyInAnyOrderElementsOf(engine);
        assertThat(printed)
                .as("in time order")
                .isSortedAccordingTo(Comparator.comparing(l -> Instant.parse(l.substring(0, l.indexOf(' ')))));
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains(reports.size() + " position reports")
                .contains("late 0");
    }
}
