package org.parley.flink;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The encounter watch as a Flink job (DESIGN: scale-out; docs/architecture.md: each report copied to
 * every grid cube its path touches, pairs judged once):
 *
 * <pre>
 * lines topic --LineDecoder--+                      keyBy target   keyBy cube    keyBy pair
 * Beast topic --FrameDecoder-+--> reports + event time --> TrackStage --> CubeStage --> PairStage --> incidents topic
 *                                 (bounded out-of-order     track table   pairs in the   open encounter,  (transactions,
 *                                  watermarks; late ones    + path cubes  lowest shared  rules, closing)  exactly once)
 *                                  counted and dropped)                   cube
 * </pre>
 *
 * Every decision is the engine's ({@code parley-track}, {@code parley-encounter} through {@link
 * org.parley.encounter.PairWatch}); the job only routes reports so that each pair is offered where
 * and when the engine would offer it.
 */
public final class EncounterJob {
    private EncounterJob() {}

    /**
     * Submission to a cluster ({@code flink run -c org.parley.flink.EncounterJob parley-flink-job.jar
     * ...}); docs/scale-out.md has the commands. Options: {@code --bootstrap-servers},
     * {@code --lines-topic}, {@code --beast-topic}, {@code --incidents-topic}, {@code --partitions}
     * (readers per topic), {@code --parties FILE}, {@code --rules FILE}, {@code
     * --checkpoint-seconds} (10), {@code --out-of-order-seconds} (30).
     */
    public static void main(String[] args) throws Exception {
        java.util.Map<String, String> o = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        WatchSettings settings = WatchSettings.defaults()
                .withOutOfOrder(Duration.ofSeconds(Long.parseLong(o.getOrDefault("out-of-order-seconds", "30"))));
        if (o.containsKey("parties")) {
            settings = settings.withParties(java.nio.file.Files.readString(java.nio.file.Path.of(o.get("parties"))));
        }
        if (o.containsKey("rules")) {
            settings = settings.withRules(java.nio.file.Files.readString(java.nio.file.Path.of(o.get("rules"))));
        }
        KafkaTopics topics = new KafkaTopics(
                o.getOrDefault("bootstrap-servers", ""),
                o.getOrDefault("lines-topic", ""),
                o.getOrDefault("beast-topic", ""),
                o.getOrDefault("incidents-topic", "parley-incidents"),
                Integer.parseInt(o.getOrDefault("partitions", "1")),
                false);
        settings.config(); // refuse a bad rules or parties file here, not in every task
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                Tuning.apply(new org.apache.flink.configuration.Configuration()));
        env.enableCheckpointing(Duration.ofSeconds(Long.parseLong(o.getOrDefault("checkpoint-seconds", "10")))
                .toMillis());
        kafka(env, topics, settings);
        env.execute("parley encounter watch");
    }

    /** The job's outputs: incident events, and the reports dropped as late. */
    record Outputs(DataStream<Messages.IncidentMessage> incidents, DataStream<Messages.Report> late) {}

    /**
     * Event time for one decoder's reports: its watermark trails the newest report it has seen by
     * the out-of-order bound. Assigned per decoder, before the feeds are merged, so that a fast feed
     * (or partition) does not make a slower one's reports late; a reader should therefore own one
     * partition (source parallelism = partitions). {@code idleAfter}: a running job marks a
     * decoder that has had nothing for that long idle, so it does not hold the others back.
     */
    static DataStream<Messages.Report> timed(
            DataStream<Messages.Report> decoded, WatchSettings settings, java.util.Optional<Duration> idleAfter) {
        WatermarkStrategy<Messages.Report> strategy = WatermarkStrategy.<Messages.Report>forBoundedOutOfOrderness(
                        Duration.ofMillis(settings.outOfOrderMillis()))
                .withTimestampAssigner((r, previous) -> r.report().time().toEpochMilli());
        if (idleAfter.isPresent()) {
            strategy = strategy.withIdleness(idleAfter.get());
        }
        return decoded.assignTimestampsAndWatermarks(strategy)
                .name("event time")
                .setParallelism(decoded.getParallelism());
    }

    /** The watch over reports with event time (each with its place in the input). */
    static Outputs watch(DataStream<Messages.Report> timed, WatchSettings settings) {
        SingleOutputStreamOperator<Messages.CubeEntry> entries = timed.keyBy(
                        r -> Messages.targetKey(r.report().target()), Types.LONG)
                .process(new TrackStage(settings), TypeInformation.of(Messages.CubeEntry.class))
                .name("tracks (by target)");
        DataStream<Messages.IncidentMessage> incidents = entries.keyBy(Messages.CubeEntry::cube, Types.LONG)
                .process(new CubeStage(settings), TypeInformation.of(Messages.PairObservation.class))
                .name("pairs (by cube)")
                .keyBy(Messages.PairObservation::pair, Types.STRING)
                .process(new PairStage(settings), TypeInformation.of(Messages.IncidentMessage.class))
                .name("encounters (by pair)");
        return new Outputs(incidents, entries.getSideOutput(TrackStage.LATE));
    }

    /** Kafka in, the watch, Kafka out (transactional: set checkpointing on {@code env}). */
    public static void kafka(StreamExecutionEnvironment env, KafkaTopics topics, WatchSettings settings) {
        kafka(env, topics, settings, reports -> reports);
    }

    /** As above, with {@code between} applied to the decoded reports (tests inject failures there). */
    static void kafka(
            StreamExecutionEnvironment env,
            KafkaTopics topics,
            WatchSettings settings,
            java.util.function.UnaryOperator<DataStream<Messages.Report>> between) {
        List<DataStream<Messages.Report>> feeds = new ArrayList<>();
        // A bounded replay ends every reader (and its watermark) at its last offset; a running job
        // must not wait for a feed that has gone quiet.
        java.util.Optional<Duration> idle =
                topics.bounded() ? java.util.Optional.empty() : java.util.Optional.of(Duration.ofMinutes(1));
        if (!topics.linesTopic().isBlank()) {
            KafkaSource<Feeds.Line> source = source(topics, topics.linesTopic(), new Feeds.LineSchema());
            feeds.add(env.fromSource(source, WatermarkStrategy.noWatermarks(), "lines " + topics.linesTopic())
                    .setParallelism(topics.sourceParallelism())
                    .flatMap(new Feeds.LineDecoder())
                    .name("AIS decoder")
                    .setParallelism(topics.sourceParallelism()));
            feeds.set(feeds.size() - 1, timed(feeds.get(feeds.size() - 1), settings, idle));
        }
        if (!topics.beastTopic().isBlank()) {
            KafkaSource<Feeds.Frame> source = source(topics, topics.beastTopic(), new Feeds.FrameSchema());
            feeds.add(env.fromSource(source, WatermarkStrategy.noWatermarks(), "Beast " + topics.beastTopic())
                    .setParallelism(topics.sourceParallelism())
                    .flatMap(new Feeds.FrameDecoder())
                    .name("ADS-B decoder")
                    .setParallelism(topics.sourceParallelism()));
            feeds.set(feeds.size() - 1, timed(feeds.get(feeds.size() - 1), settings, idle));
        }
        DataStream<Messages.Report> reports = feeds.get(0);
        for (int i = 1; i < feeds.size(); i++) {
            reports = reports.union(feeds.get(i));
        }
        watch(between.apply(reports), settings)
                .incidents()
                .sinkTo(sink(topics))
                .name("incidents " + topics.incidentsTopic());
    }

    private static <T> KafkaSource<T> source(
            KafkaTopics topics,
            String topic,
            org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema<T> schema) {
        var builder = KafkaSource.<T>builder()
                .setBootstrapServers(topics.bootstrapServers())
                .setTopics(topic)
                .setGroupId("parley-watch")
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(schema)
                // Only committed records of a transactional producer upstream.
                .setProperty("isolation.level", "read_committed");
        if (topics.bounded()) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }

    static KafkaSink<Messages.IncidentMessage> sink(KafkaTopics topics) {
        Properties producer = new Properties();
        // Below the broker's transaction.max.timeout.ms (15 min by default), above any checkpoint.
        producer.setProperty(
                "transaction.timeout.ms", String.valueOf(Duration.ofMinutes(10).toMillis()));
        String topic = topics.incidentsTopic();
        KafkaRecordSerializationSchema<Messages.IncidentMessage> schema =
                (m, context, timestamp) -> new ProducerRecord<>(
                        topic,
                        m.incidentId().getBytes(StandardCharsets.UTF_8),
                        m.json().getBytes(StandardCharsets.UTF_8));
        return KafkaSink.<Messages.IncidentMessage>builder()
                .setBootstrapServers(topics.bootstrapServers())
                .setRecordSerializer(schema)
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix("parley-watch-" + topic)
                .setKafkaProducerConfig(producer)
                .build();
    }
}
