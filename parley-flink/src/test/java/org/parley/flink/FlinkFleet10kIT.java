package org.parley.flink;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.kafka.KafkaBroker;

/**
 * The 10,000-unit fleet (clusters across the antimeridian, on and around the North Pole, the rest
 * anywhere; 2 minutes, 168,000 reports) through the job over real Kafka at parallelism 1 and 4: the
 * engine's incident events exactly. Too long for a routine run on two cores (docs/scale-out.md
 * gives its time), so it carries the tag {@code fleet10k}, which parley-flink's Failsafe leaves out
 * unless {@code -Dflink.excludedGroups=none}:
 *
 * <pre>
 * ./mvnw -Pflink -pl parley-flink -am verify -Dflink.excludedGroups=none -Dit.test=FlinkFleet10kIT
 * </pre>
 */
@Tag("fleet10k")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlinkFleet10kIT {
    private static final int UNITS = Integer.getInteger("parley.fleet10k.units", 10_000);

    private KafkaBroker broker;
    private KafkaRun fleet;
    private List<Messages.Report> reports;

    @BeforeAll
    void start() throws Exception {
        broker = KafkaBroker.start();
        List<String> lines = Fleet.lines(20260301L, UNITS, 120);
        fleet = new KafkaRun(broker).lines(List.of(lines));
        reports = Decoded.lines(lines, 0);
    }

    @AfterAll
    void stop() throws IOException {
        if (broker != null) {
            broker.close();
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void fleet10k_acrossAntimeridianAndPole_sameIncidentsAsEngine(int parallelism) throws Exception {
        FlinkEquivalenceIT.assertFleet(fleet, reports, parallelism, UNITS);
    }
}
