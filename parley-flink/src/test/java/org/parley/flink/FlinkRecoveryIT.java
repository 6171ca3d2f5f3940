package org.parley.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.parley.kafka.KafkaBroker;

/**
 * Exactly once end to end: a task of the job fails mid-stream, after a checkpoint; Flink restarts
 * the job from that checkpoint (Kafka offsets, decoder, track, cube and encounter state) and the
 * sink's transactions of the failed attempt are aborted. Read committed, the incident topic holds
 * the engine's incidents, each once.
 */
class FlinkRecoveryIT {
    /** Static: the MiniCluster runs the tasks in this JVM, and the restarted task must not fail again. */
    private static final AtomicBoolean FAILED = new AtomicBoolean();

    private static final AtomicInteger CHECKPOINTS = new AtomicInteger();

    /** Passes reports on; once, after a completed checkpoint and {@code after} reports, throws. */
    static final class FailOnce implements MapFunction<Messages.Report, Messages.Report>, CheckpointListener {
        private static final long serialVersionUID = 1L;
        private final int after;
        private int seen;

        FailOnce(int after) {
            this.after = after;
        }

        @Override
        public Messages.Report map(Messages.Report r) throws InterruptedException {
            if (FAILED.get()) {
                return r;
            }
            // Slow until the failure, so that checkpoints complete while the feed is still flowing.
            Thread.sleep(1);
            if (++seen >= after && CHECKPOINTS.get() > 1 && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("injected task failure at report " + seen);
            }
            return r;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CHECKPOINTS.incrementAndGet();
        }
    }

    @Test
    void taskFailureMidStream_restartFromCheckpoint_sameIncidentsEachOnce() throws Exception {
        List<String> lines = Fleet.lines(4242L, 500, 150);
        List<Messages.Report> reports = Decoded.lines(lines, 0);
        WatchSettings settings = Reference.settings(reports, WatchSettings.defaults());
        List<Incident> engine = Reference.incidents(reports, settings.config());
        assertThat(engine).hasSizeGreaterThan(10);
        try (KafkaBroker broker = KafkaBroker.start()) {
            KafkaRun run = new KafkaRun(broker).lines(List.of(lines));
            run.freshSink();
            broker.createTopic(run.incidents, 2);
            Configuration config = KafkaRun.config();
            config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
            config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
            config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(500));
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, config);
            env.enableCheckpointing(500);
            int failAt = reports.size() / 2;
            EncounterJob.kafka(
                    env,
                    run.topics(),
                    settings,
                    decoded ->
                            decoded.map(new FailOnce(failAt)).name("fail once").setParallelism(1));
            long t0 = System.nanoTime();
            env.execute("parley watch recovery");
            System.out.printf(
                    "FlinkRecoveryIT: %d reports, failed once: %s, %d checkpoints, %.1f s%n",
                    reports.size(), FAILED.get(), CHECKPOINTS.get(), (System.nanoTime() - t0) / 1e9);

            assertThat(FAILED).as("the injected failure happened").isTrue();
            List<Incident> committed = run.committed();
            assertThat(new HashSet<>(committed.stream().map(Comparison::key).toList()))
                    .as("no incident event twice in the topic")
                    .hasSize(committed.size());
            Comparison.assertSame(committed, engine, "after a task failure");
        }
    }
}
