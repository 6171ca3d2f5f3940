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

    /** The job's outputs: incident events, and the reports dropped as late. */
    record Outputs(DataStream<Messages.IncidentMessage> incidents, DataStream<Messages.Report> late) {}

    /** The watch over decoded reports (each with its place in the input). */
    static Outputs watch(DataStream<Messages.Report> decoded, WatchSettings settings) {
        DataStream<Messages.Report> timed = decoded.assignTimestampsAndWatermarks(WatermarkStrategy.<Messages.Report>
                        forBoundedOutOfOrderness(Duration.ofMillis(settings.outOfOrderMillis()))
                .withTimestampAssigner((r, previous) -> r.report().time().toEpochMilli()))
                .name("event time")
                .setParallelism(decoded.getParallelism());
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
        if (!topics.linesTopic().isBlank()) {
            KafkaSource<Feeds.Line> source = source(topics, topics.linesTopic(), new Feeds.LineSchema());
            feeds.add(env.fromSource(source, WatermarkStrategy.noWatermarks(), "lines " + topics.linesTopic())
                    .setParallelism(topics.sourceParallelism())
                    .flatMap(new Feeds.LineDecoder())
                    .name("AIS decoder")
                    .setParallelism(topics.sourceParallelism()));
        }
        if (!topics.beastTopic().isBlank()) {
            KafkaSource<Feeds.Frame> source = source(topics, topics.beastTopic(), new Feeds.FrameSchema());
            feeds.add(env.fromSource(source, WatermarkStrategy.noWatermarks(), "Beast " + topics.beastTopic())
                    .setParallelism(topics.sourceParallelism())
                    .flatMap(new Feeds.FrameDecoder())
                    .name("ADS-B decoder")
                    .setParallelism(topics.sourceParallelism()));
        }
        DataStream<Messages.Report> reports = feeds.get(0);
        for (int i = 1; i < feeds.size(); i++) {
            reports = reports.union(feeds.get(i));
        }
        watch(between.apply(reports), settings).incidents().sinkTo(sink(topics)).name("incidents " + topics.incidentsTopic());
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
        producer.setProperty("transaction.timeout.ms", String.valueOf(Duration.ofMinutes(10).toMillis()));
        String topic = topics.incidentsTopic();
        KafkaRecordSerializationSchema<Messages.IncidentMessage> schema = (m, context, timestamp) ->
                new ProducerRecord<>(
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
