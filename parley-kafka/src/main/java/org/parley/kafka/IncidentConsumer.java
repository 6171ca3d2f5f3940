package org.parley.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.parley.encounter.EncounterEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the Flink job's incident events from Kafka, for a node that takes them from the cluster
 * instead of running the engine itself (the watch feed kind {@code kafka}) and for the job's own
 * tests. Only committed transactions are read ({@code read_committed}), so an event of a job attempt
 * that failed before its checkpoint is never seen. Offsets are committed by {@link #commit} only,
 * after the caller has stored what it was given, so a restart reads again from the first event not
 * committed: the caller must make handling an event twice harmless (the node keys each by incident,
 * kind and level).
 *
 * <p>Not thread-safe (a Kafka consumer is not): one per feed loop.
 */
public final class IncidentConsumer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IncidentConsumer.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private long read;
    private long unreadable;

    private IncidentConsumer(KafkaConsumer<byte[], byte[]> consumer) {
        this.consumer = consumer;
    }

    /** Subscribes {@code group} to {@code topic}; a new group starts at the topic's beginning. */
    public static IncidentConsumer subscribe(String bootstrapServers, String topic, String group) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return new IncidentConsumer(consumer);
    }

    /**
     * The events that arrived within {@code timeout} (maybe none), in each partition's order. A
     * record that is not an incident event is logged with its place, counted ({@link #unreadable})
     * and skipped: the rest of the batch is not lost for it.
     */
    public List<EncounterEvent> poll(Duration timeout) {
        List<EncounterEvent> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(timeout)) {
            byte[] value = r.value();
            String json = value == null ? "" : new String(value, StandardCharsets.UTF_8);
            try {
                out.add(EncounterEvent.fromJson(json));
                read++;
            } catch (IllegalArgumentException e) {
                unreadable++;
                LOG.warn(
                        "incident topic {} partition {} offset {}: skipped: {}",
                        r.topic(),
                        r.partition(),
                        r.offset(),
                        e.getMessage());
            }
        }
        return out;
    }

    /**
     * True when this consumer has its partitions and has read up to the last committed event of
     * each (the read_committed end): a node may say "incidents caught up".
     */
    public boolean caughtUp() {
        var assigned = consumer.assignment();
        if (assigned.isEmpty()) {
            return false;
        }
        var ends = consumer.endOffsets(assigned);
        for (var p : assigned) {
            Long end = ends.get(p);
            if (end == null || consumer.position(p) < end) {
                return false;
            }
        }
        return true;
    }

    /** True once the group coordinator has given this consumer partitions of the topic. */
    public boolean assigned() {
        return !consumer.assignment().isEmpty();
    }

    /** Marks everything returned by {@link #poll} so far as stored. */
    public void commit() {
        consumer.commitSync();
    }

    /** Incident events returned since this consumer was made. */
    public long read() {
        return read;
    }

    /** Records that were not incident events. */
    public long unreadable() {
        return unreadable;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
