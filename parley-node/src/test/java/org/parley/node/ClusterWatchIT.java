package org.parley.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.crypto.PartyIdentity;
import org.parley.encounter.EncounterEvent;
import org.parley.encounter.Level;
import org.parley.encounter.ScenarioEvents;
import org.parley.kafka.KafkaBroker;
import org.parley.node.messages.MessageService;
import org.parley.node.watch.EncounterWatch;
import org.parley.node.watch.FeedView;
import org.parley.node.watch.Incident;
import org.parley.testing.Ports;
import org.parley.wire.Party;
import org.parley.wire.Precedence;

/**
 * A node whose watch takes its incidents from the Flink job (feed kind {@code kafka}, issue 21), on a
 * real KRaft broker and a real SQLite store: the engine's own events for the Chung-Hoon bow crossing,
 * published as the job publishes them, become one incident with the UNSAFE draft and the HOTLINE
 * FLASH the node's local path drafts for the same events; a restart, and a restart that reads the
 * whole topic again (offsets lost, as after a kill between storing and committing), change nothing;
 * an incident published later is handled.
 */
class ClusterWatchIT {
    private static final Party BLUE = Party.of("BLUE");
    private static final Party RED = Party.of("RED");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static KafkaBroker broker;

    @TempDir
    Path root;

    private final String topic = "incidents-" + UUID.randomUUID();
    private final String group = "parley-BLUE-" + UUID.randomUUID();

    @BeforeAll
    static void startBroker() throws Exception {
        broker = KafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @BeforeEach
    void keys() {
        List<String> hosts = List.of("localhost", "127.0.0.1");
        InstantSource clock = InstantSource.system();
        PartyIdentity blue = PartyIdentity.init(root.resolve("keys"), BLUE, hosts, Optional.empty(), clock, RANDOM);
        PartyIdentity red = PartyIdentity.init(root.resolve("red-keys"), RED, hosts, Optional.empty(), clock, RANDOM);
        blue.pinEachOther(red);
    }

    @Test
    void kafkaFeed_jobIncidentsReadTwiceAcrossRestarts_oneIncidentOneFlashAsTheLocalPath() throws Exception {
        broker.createTopic(topic, 2);
        List<EncounterEvent> events = ScenarioEvents.chungHoon();
        EncounterEvent hotline = first(events, Level.HOTLINE);
        broker.publish(topic, events);
        NodeConfig config = config();

        Snapshot before;
        try (HotlineNode node = HotlineNode.start(config, InstantSource.system(), RANDOM)) {
            awaitRead(node, events.size());
            before = snapshot(node);
        }
        assertThat(before.incidents()).hasSize(1);
        Incident.Detail detail = before.detail();
        assertThat(detail.incident().open()).isFalse();
        assertThat(detail.changes()).hasSize(events.size());
        assertThat(detail.notices())
                .extracting(Incident.Notice::level, Incident.Notice::state)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Level.UNSAFE, Incident.NoticeState.DRAFT),
                        org.assertj.core.groups.Tuple.tuple(Level.HOTLINE, Incident.NoticeState.SENT));
        // The FLASH is what the node drafts from the engine's own event when it runs the engine itself.
        String expected =
                MessageService.summary(EncounterWatch.draft(hotline, BLUE, RED).orElseThrow());
        assertThat(before.flashes())
                .containsExactly(detail.notices().stream()
                                .filter(n -> n.level() == Level.HOTLINE)
                                .findFirst()
                                .orElseThrow()
                                .envelope()
                                .orElseThrow()
                        + " " + expected);

        try (HotlineNode node = HotlineNode.start(config, InstantSource.system(), RANDOM)) {
            awaitConnected(node);
            Thread.sleep(2_000);
            assertThat(feed(node).messages())
                    .as("nothing read again after a clean restart")
                    .isZero();
            assertThat(snapshot(node)).isEqualTo(before);
        }

        broker.rewindGroup(group, topic);
        try (HotlineNode node = HotlineNode.start(config, InstantSource.system(), RANDOM)) {
            awaitRead(node, events.size());
            assertThat(snapshot(node)).as("every event read twice, stored once").isEqualTo(before);

            assertThatThrownBy(() -> node.encounterWatch().accept(List.of()))
                    .as("own positions go to the cluster, not to an engine this node does not run")
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cluster's feed topics");

            List<EncounterEvent> later = ScenarioEvents.j16();
            broker.publish(topic, later);
            awaitRead(node, events.size() + later.size());
            assertThat(node.encounterWatch().incidents(false, 0, 100)).hasSize(2);
            assertThat(flashes(node)).hasSize(before.flashes().size() + 1);
        }
    }

    @Test
    void kafkaFeed_jobIncidentGoesOnAfterRestart_joinsOurIncident() throws Exception {
        broker.createTopic(topic, 1);
        List<EncounterEvent> events = ScenarioEvents.chungHoon();
        int split = events.indexOf(first(events, Level.HOTLINE));
        broker.publish(topic, events.subList(0, split));
        NodeConfig config = config();
        try (HotlineNode node = HotlineNode.start(config, InstantSource.system(), RANDOM)) {
            awaitRead(node, split);
        }

        try (HotlineNode node = HotlineNode.start(config, InstantSource.system(), RANDOM)) {
            // The restarted watch closes the open incident as unobserved (its events are of 2023)...
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> node.encounterWatch().incidents(true, 0, 10).isEmpty());
            // ...and the job, which still follows the encounter, escalates it to HOTLINE and closes it.
            broker.publish(topic, events.subList(split, events.size()));
            awaitRead(node, events.size() - split);

            List<Incident> all = node.encounterWatch().incidents(false, 0, 10);
            assertThat(all)
                    .as("one incident, not a second one for the same job incident")
                    .hasSize(1);
            assertThat(all.getFirst().level()).isEqualTo(Level.HOTLINE);
            assertThat(flashes(node)).hasSize(1);
        }
    }

    /**
     * What the node holds: incidents with changes and notices, and the FLASH messages in its outbox
     * (id and text; their delivery attempts go on, as the peer is not running).
     */
    private record Snapshot(List<Incident> incidents, Incident.Detail detail, List<String> flashes) {}

    private static Snapshot snapshot(HotlineNode node) {
        List<Incident> incidents = node.encounterWatch().incidents(false, 0, 100);
        Incident.Detail detail =
                node.encounterWatch().incident(incidents.getFirst().id()).orElseThrow();
        return new Snapshot(incidents, detail, flashes(node));
    }

    private static List<String> flashes(HotlineNode node) {
        return node.messages().outbox(0, 100).stream()
                .filter(m -> m.precedence() == Precedence.FLASH)
                .map(m -> m.id() + " " + m.text())
                .toList();
    }

    private static FeedView feed(HotlineNode node) {
        return node.encounterWatch().feeds().stream()
                .filter(f -> f.kind().equals("kafka"))
                .findFirst()
                .orElseThrow();
    }

    private static void awaitConnected(HotlineNode node) {
        await().atMost(Duration.ofSeconds(60)).until(() -> feed(node).connected());
    }

    private static void awaitRead(HotlineNode node, int events) {
        await().atMost(Duration.ofSeconds(90)).until(() -> feed(node).messages() >= events);
        // The last event of a batch is stored before the count moves on; give the commit a moment.
        assertThat(feed(node).messages()).isEqualTo(events);
        assertThat(feed(node).rejectedByReason()).isEmpty();
    }

    private static EncounterEvent first(List<EncounterEvent> events, Level level) {
        return events.stream()
                .filter(e -> e.level() == level && e.kind() != EncounterEvent.Kind.CLOSED)
                .findFirst()
                .orElseThrow(() -> new AssertionError("the scenario has no " + level + " event: " + events));
    }

    private NodeConfig config() throws IOException {
        return NodeConfig.load(NodeConfigFile.of("BLUE", "RED")
                .keys("keys")
                .sqlite(root.resolve("store.db"))
                .federation(Ports.freePort(), Ports.freePort())
                .operator(0)
                .token("t0ken", "alice", "DUTY_OFFICER")
                .watch("  feeds:\n    - { name: cluster, kind: kafka, bootstrap: \"" + broker.bootstrap()
                        + "\", topic: " + topic + ", group: " + group + " }\n")
                .write(root.resolve("node.yaml")));
    }
}
