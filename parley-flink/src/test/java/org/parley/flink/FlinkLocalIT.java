package org.parley.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The job over decoded reports in a MiniCluster (no Kafka), against the engine: the routing alone. */
class FlinkLocalIT {
    @Test
    void watch_smallFleet_sameIncidentsAsEngine() throws Exception {
        List<Messages.Report> reports = Decoded.lines(Fleet.lines(7, 400, 240), 0);
        WatchSettings settings = Reference.settings(reports, WatchSettings.defaults());
        List<Incident> engine = Reference.incidents(reports, settings.config());
        long t0 = System.nanoTime();
        List<Incident> job = LocalReplay.run(reports, settings, 2).incidents().stream()
                .map(m -> Incident.fromJson(m.json()))
                .toList();
        System.out.printf(
                "local replay: %d reports, %d events, %.1f s%n",
                reports.size(), job.size(), (System.nanoTime() - t0) / 1e9);
        assertThat(engine).isNotEmpty();
        Comparison.assertSame(job, engine, "fleet of 400");
    }
}
