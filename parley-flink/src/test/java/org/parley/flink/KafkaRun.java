package org.parley.flink;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.parley.kafka.IncidentConsumer;
import org.parley.kafka.KafkaBroker;

/** Topics filled from feeds, the job run over them in a MiniCluster, the incidents read back committed. */
final class KafkaRun {
    private final KafkaBroker broker;
    private final String name = "t" + UUID.randomUUID().toString().substring(0, 8);
    final String lines = name + "-lines";
    final String beast = name + "-beast";
    private int runs;
    String incidents = name + "-incidents-0";
    private int partitions = 1;
    private boolean hasLines;
    private boolean hasBeast;

    KafkaRun(KafkaBroker broker) {
        this.broker = broker;
    }

    /** Fills the lines topic, one list per partition. */
    KafkaRun lines(List<List<String>> byPartition) throws Exception {
        broker.createTopic(lines, byPartition.size());
        partitions = Math.max(partitions, byPartition.size());
        hasLines = true;
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (int p = 0; p < byPartition.size(); p++) {
                for (String line : byPartition.get(p)) {
                    sent.add(producer.send(
                            new ProducerRecord<>(lines, p, null, line.getBytes(StandardCharsets.ISO_8859_1))));
                }
            }
        }
        awaitAll(sent);
        return this;
    }

    /** Fills the Beast topic (one partition), each record stamped with its receive time. */
    KafkaRun beast(List<Transmitters.Frame> frames) throws Exception {
        broker.createTopic(beast, 1);
        hasBeast = true;
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (Transmitters.Frame f : frames) {
                sent.add(producer.send(new ProducerRecord<>(beast, 0, f.receivedMillis(), null, f.bytes())));
            }
        }
        awaitAll(sent);
        return this;
    }

    private static void awaitAll(List<Future<RecordMetadata>> sent) throws Exception {
        for (Future<RecordMetadata> f : sent) {
            f.get();
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** A new sink topic for the next run. */
    void freshSink() {
        incidents = name + "-incidents-" + ++runs;
    }

    KafkaTopics topics() {
        return new KafkaTopics(
                broker.bootstrap(), hasLines ? lines : "", hasBeast ? beast : "", incidents, partitions, true);
    }

    /** The job at {@code parallelism} over the whole topics (bounded), checkpointing every second. */
    long run(WatchSettings settings, int parallelism) throws Exception {
        if (!topicExists(incidents)) {
            broker.createTopic(incidents, 2);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, config());
        env.enableCheckpointing(1000);
        EncounterJob.kafka(env, topics(), settings);
        var result = env.execute("parley watch " + name + " p" + parallelism);
        Object late = result.getAccumulatorResult(TrackStage.LATE_ACCUMULATOR);
        Object refused = result.getAccumulatorResult(TrackStage.REFUSED_ACCUMULATOR);
        System.out.printf(
                "KafkaRun %s p%d: late %s, refused %s, Beast frames %s, ADS-B reports %s%n",
                name,
                parallelism,
                late,
                refused,
                result.getAccumulatorResult("beastFrames"),
                result.getAccumulatorResult("adsbReports"));
        return late instanceof Long n ? n : 0;
    }

    /**
     * The pipeline settings, checkpoints in a temporary directory (the job manager's memory takes
     * 5 MB at most) and no restarts: a failure fails the test instead of looping.
     */
    static Configuration config() throws java.io.IOException {
        Configuration config = Tuning.apply(new Configuration());
        config.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        config.set(
                CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                java.nio.file.Files.createTempDirectory("parley-checkpoints")
                        .toUri()
                        .toString());
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        return config;
    }

    private boolean topicExists(String topic) throws Exception {
        try (var admin = broker.admin()) {
            return admin.listTopics().names().get().contains(topic);
        }
    }

    /** Every committed incident event on the sink topic. */
    List<Incident> committed() {
        List<Incident> out = new ArrayList<>();
        try (IncidentConsumer consumer =
                IncidentConsumer.subscribe(broker.bootstrap(), incidents, "reader-" + UUID.randomUUID())) {
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            do {
                consumer.poll(Duration.ofMillis(500)).forEach(e -> out.add(Incident.fromJson(IncidentJson.write(e))));
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the incident topic " + incidents + " was not read to its end in 2 min");
                }
            } while (!consumer.caughtUp());
            if (consumer.unreadable() > 0) {
                throw new AssertionError(consumer.unreadable() + " unreadable records on " + incidents);
            }
        }
        return out;
    }
}
