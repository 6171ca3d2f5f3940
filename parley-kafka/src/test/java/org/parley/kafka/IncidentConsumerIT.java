package org.parley.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.encounter.EncounterEvent;
import org.parley.encounter.ScenarioEvents;

/**
 * {@link IncidentConsumer} on a real KRaft broker: it reads only committed transactions, gives back
 * the engine's events as they were written, skips and counts a record that is not one, and a
 * consumer of the same group after {@link IncidentConsumer#commit} starts after what was committed.
 */
class IncidentConsumerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaBroker broker;

    @BeforeAll
    static void start() throws Exception {
        broker = KafkaBroker.start();
    }

    @AfterAll
    static void stop() throws Exception {
        broker.close();
    }

    @Test
    void poll_committedAbortedAndGarbage_returnsCommittedEventsOnceAcrossRestart() throws Exception {
        String topic = "incidents-" + UUID.randomUUID();
        broker.createTopic(topic, 2);
        List<EncounterEvent> events = ScenarioEvents.chungHoon();
        List<EncounterEvent> first = events.subList(0, events.size() / 2);
        List<EncounterEvent> rest = events.subList(events.size() / 2, events.size());
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.initTransactions();
            send(producer, topic, first, true);
            send(producer, topic, rest, false); // aborted: a job attempt that failed before its checkpoint
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "x".getBytes(StandardCharsets.UTF_8), bytes("{\"kind\":1}")))
                    .get();
            producer.commitTransaction();
        }

        List<EncounterEvent> got = new ArrayList<>();
        try (IncidentConsumer consumer = IncidentConsumer.subscribe(broker.bootstrap(), topic, "node")) {
            readAll(consumer, got);
            assertThat(consumer.unreadable()).isEqualTo(1);
            consumer.commit();
        }
        assertThat(got).containsExactlyInAnyOrderElementsOf(first);

        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.initTransactions();
            send(producer, topic, rest, true);
        }
        List<EncounterEvent> after = new ArrayList<>();
        try (IncidentConsumer consumer = IncidentConsumer.subscribe(broker.bootstrap(), topic, "node")) {
            readAll(consumer, after);
            assertThat(consumer.unreadable()).isZero();
        }
        assertThat(after).containsExactlyInAnyOrderElementsOf(rest);
    }

    private static void readAll(IncidentConsumer consumer, List<EncounterEvent> into) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        do {
            into.addAll(consumer.poll(Duration.ofMillis(200)));
        } while (!consumer.caughtUp() && System.nanoTime() < deadline);
        assertThat(consumer.caughtUp()).as("caught up within 60 s").isTrue();
    }

    private static void send(
            KafkaProducer<byte[], byte[]> producer, String topic, List<EncounterEvent> events, boolean commit)
            throws Exception {
        producer.beginTransaction();
        for (EncounterEvent e : events) {
            producer.send(new ProducerRecord<>(topic, bytes(e.incidentId()), JSON.writeValueAsBytes(e.jsonMembers())))
                    .get();
        }
        producer.flush();
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.abortTransaction();
        }
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-" + UUID.randomUUID());
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
