package org.parley.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.encounter.ScenarioFeeds;
import org.parley.kafka.KafkaBroker;
import org.parley.track.PositionReport;
import org.parley.track.TargetId;

/**
 * The job over real Kafka, at parallelism 1 and 4, emits exactly the incident events the
 * single-node engine emits for the same reports (pair, kind, level, times; ranges within 1 m):
 * the four scenarios of docs/scenarios.md over a recorded AIS feed (AMSA, re-dated to their time),
 * and a seeded fleet with clusters across the antimeridian, on and around the North Pole. The
 * fleet's size is {@code -Dparley.fleet.units} (default 1,000 units over 2 minutes); the 10k-unit
 * fleet is {@link FlinkFleet10kIT}, tagged and run apart (docs/scale-out.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlinkEquivalenceIT {
    private static final Path AMSA = Path.of("../../shared/data/ais/amsa_ais.part1.txt");
    private static final int BACKGROUND_LINES = Integer.getInteger("parley.background.lines", 6_000);
    private static final int FLEET_UNITS = Integer.getInteger("parley.fleet.units", 1_000);
    private static final int FLEET_SECONDS = Integer.getInteger("parley.fleet.seconds", 120);

    private KafkaBroker broker;
    private KafkaRun scenarios;
    private List<Messages.Report> scenarioReports;
    private KafkaRun fleet;
    private List<Messages.Report> fleetReports;
    private String parties;

    @BeforeAll
    void start() throws Exception {
        broker = KafkaBroker.start();
        parties = resource("/org/parley/encounter/scenario-parties.yaml");
        List<String> background = Files.readAllLines(AMSA, StandardCharsets.ISO_8859_1);
        background = background.subList(0, Math.min(BACKGROUND_LINES, background.size()));
        // The scenarios happen at the recording's time, one minute apart, over the recorded traffic.
        Instant t0 = Transmitters.firstClock(background).plusSeconds(30);
        List<PositionReport> ships = new ArrayList<>();
        List<PositionReport> aircraft = new ArrayList<>();
        List<List<String>> feeds = ScenarioFeeds.all();
        for (int i = 0; i < feeds.size(); i++) {
            List<PositionReport> reports = Transmitters.parse(feeds.get(i), Duration.ZERO);
            Duration shift = Duration.between(reports.get(0).time(), t0.plusSeconds(60L * i));
            for (PositionReport r : Transmitters.parse(feeds.get(i), shift)) {
                (r.target() instanceof TargetId.Mmsi ? ships : aircraft).add(r);
            }
        }
        aircraft.sort(java.util.Comparator.comparing(PositionReport::time));
        List<String> shipLines = Transmitters.ais(ships);
        List<Transmitters.Frame> frames = Transmitters.beast(aircraft);
        scenarios = new KafkaRun(broker).lines(List.of(background, shipLines)).beast(frames);
        scenarioReports = new ArrayList<>(Decoded.lines(background, 0));
        scenarioReports.addAll(Decoded.lines(shipLines, 1));
        scenarioReports.addAll(Decoded.frames(
                frames.stream().map(Transmitters.Frame::bytes).toList(),
                frames.stream().map(Transmitters.Frame::receivedMillis).toList(),
                0));

        List<String> fleetLines = Fleet.lines(20260301L, FLEET_UNITS, FLEET_SECONDS);
        fleet = new KafkaRun(broker).lines(List.of(fleetLines));
        fleetReports = Decoded.lines(fleetLines, 0);
    }

    @AfterAll
    void stop() throws IOException {
        if (broker != null) {
            broker.close();
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void scenarios_overRecordedAis_sameIncidentsAsEngine(int parallelism) throws Exception {
        WatchSettings settings =
                Reference.settings(scenarioReports, WatchSettings.defaults().withParties(parties));
        List<Incident> engine = Reference.incidents(scenarioReports, settings.config());
        assertThat(engine)
                .as("the scenarios alone give HOTLINE encounters")
                .anyMatch(i -> i.level().equals("HOTLINE"));
        List<Incident> job = timed(
                "scenarios",
                parallelism,
                scenarioReports.size(),
                () -> scenarios.run(settings, parallelism),
                scenarios);
        Comparison.assertSame(job, engine, "scenarios at parallelism " + parallelism);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void fleet_acrossAntimeridianAndPole_sameIncidentsAsEngine(int parallelism) throws Exception {
        assertFleet(fleet, fleetReports, parallelism, FLEET_UNITS);
    }

    /** The fleet check, shared with the 10k-unit run ({@link FlinkFleet10kIT}). */
    static void assertFleet(KafkaRun fleet, List<Messages.Report> fleetReports, int parallelism, int units)
            throws Exception {
        WatchSettings settings = Reference.settings(fleetReports, WatchSettings.defaults());
        long t0 = System.nanoTime();
        List<Incident> engine = Reference.incidents(fleetReports, settings.config());
        System.out.printf(
                "FlinkEquivalenceIT engine on fleet of %d: %d reports, %d events in %.1f s%n",
                units, fleetReports.size(), engine.size(), (System.nanoTime() - t0) / 1e9);
        assertThat(engine).as("fleet encounters").hasSizeGreaterThan(20);
        assertThat(engine)
                .as("encounters at the pole")
                .anyMatch(i -> Fleet.region(i.a()).equals("pole"));
        assertThat(engine)
                .as("encounters across the antimeridian")
                .anyMatch(i -> Fleet.region(i.a()).equals("antimeridian"));
        List<Incident> job =
                timed("fleet", parallelism, fleetReports.size(), () -> fleet.run(settings, parallelism), fleet);
        Comparison.assertSame(job, engine, "fleet of " + units + " at parallelism " + parallelism);
    }

    interface Job {
        /** Runs the job; returns the reports it dropped as late. */
        long run() throws Exception;
    }

    /** Runs the job (the sink topic is fresh per run) and reads what it committed. */
    private static List<Incident> timed(String what, int parallelism, int reports, Job job, KafkaRun run)
            throws Exception {
        run.freshSink();
        long t0 = System.nanoTime();
        long late = job.run();
        assertThat(late)
                .as("reports dropped as late (the engine read them all in time order)")
                .isZero();
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<Incident> out = run.committed();
        System.out.printf(
                "FlinkEquivalenceIT %s p%d: %d reports, %d events in %.1f s (%.0f reports/s)%n",
                what, parallelism, reports, out.size(), seconds, reports / seconds);
        return out;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(FlinkEquivalenceIT.class.getResourceAsStream(name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
