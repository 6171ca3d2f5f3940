package org.parley.flink;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the job's incident events from Kafka for a node that takes them from the cluster instead of
 * running the engine itself (the watch feed kind {@code kafka}). Only committed transactions are
 * read ({@code read_committed}), so an event of a job attempt that failed before its checkpoint is
 * never seen; offsets are committed by {@link #commit} after the caller has stored what it was
 * given, so a node restart reads again from the first event it had not stored.
 *
 * <p>Not thread-safe (a Kafka consumer is not): one per feed loop.
 */
public final class IncidentConsumer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IncidentConsumer.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
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

    /** The events that arrived within {@code timeout} (maybe none); unreadable records are logged and counted. */
    public List<Incident> poll(Duration timeout) {
        List<Incident> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(timeout)) {
            String json = r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8);
            try {
                out.add(Incident.fromJson(json));
            } catch (IllegalArgumentException e) {
                unreadable++;
                LOG.warn(
                        "incident topic {} partition {} offset {}: {}",
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
     * each (the read_committed end); a node may report "incidents caught up".
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

    /** Marks everything returned by {@link #poll} so far as stored. */
    public void commit() {
        consumer.commitSync();
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
