package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.parley.cli.operator.OperatorClient;
import org.parley.crypto.PartyIdentity;
import org.parley.node.NodeConfigFile;
import org.parley.testing.Corpus;
import org.parley.testing.Ports;
import org.parley.wire.Party;

/**
 * Two real node processes, each with its encounter watch on, reading a live AIS feed over TCP (real
 * background from the shared corpus with a Chung-Hoon-style bow crossing in it, docs/scenarios.md)
 * and, for BLUE, Beast from a real dump1090-mutability. BLUE's
 * watch keeps one incident, drafts the UNSAFE FLASH for its duty officer and sends the HOTLINE
 * FLASH at once; RED reads it in Chinese with no English line in it and links it to its own
 * incident of the pair. BLUE is then killed with SIGKILL mid-incident and restarted: the incident
 * is still open and no FLASH is sent twice.
 */
class WatchIT {
    private static final String TOKEN = "watch-officer";
    private static final Path AIS_BACKGROUND = Corpus.file("ais/gpsd_sample.aivdm");
    private static final Path BEAST_CAPTURE = Corpus.file("adsb/traffic_sample_dump1090.bin");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path root;

    @Test
    void chungHoon_bothWatches_oneIncidentOneFlashPerLevelAndNoRepeatAfterKill() throws Exception {
        try {
            chungHoon();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(
                    e.getMessage() + "\n--- blue.log ---\n" + tail("blue.log") + "\n--- red.log ---\n"
                            + tail("red.log"),
                    e);
        }
    }

    private String tail(String log) throws IOException {
        Path file = root.resolve(log);
        if (!Files.exists(file)) {
            return "(none)";
        }
        List<String> lines = Files.readAllLines(file);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private void chungHoon() throws Exception {
        InstantSource clock = InstantSource.system();
        SecureRandom random = new SecureRandom();
        List<String> hosts = List.of("localhost", "127.0.0.1");
        PartyIdentity.init(root.resolve("blue/keys"), Party.of("BLUE"), hosts, Optional.empty(), clock, random)
                .pinEachOther(PartyIdentity.init(
                        root.resolve("red/keys"), Party.of("RED"), hosts, Optional.empty(), clock, random));
        Files.writeString(root.resolve("parties.yaml"), """
                parties: { BLUE: [US], RED: [CN] }
                units:
                  - { mmsi: 369970093, name: "USS Chung-Hoon", party: BLUE }
                  - { mmsi: 412000132, name: "PLAN destroyer", party: RED }
                """);
        int[] ports = {Ports.freePort(), Ports.freePort(), Ports.freePort(), Ports.freePort()};
        OperatorClient blue = client(ports[1], "blue");
        OperatorClient red = client(ports[3], "red");
        try (Dump1090 dump1090 = new Dump1090(root.resolve("dump1090.log"));
                AisScenarioServer ais = new AisScenarioServer(AIS_BACKGROUND)) {
            String aisFeed = "    - { name: ais-tcp, kind: ais, url: \"tcp://127.0.0.1:" + ais.port() + "\" }\n";
            Path blueConfig = config(
                    "blue",
                    "BLUE",
                    "RED",
                    ports[0],
                    ports[1],
                    ports[2],
                    aisFeed + "    - { name: dump1090, kind: beast, url: \"tcp://127.0.0.1:"
                            + dump1090.beastOutputPort() + "\" }\n");
            // RED also has a receiver that never answers: after watch.feedSilentAfter it raises FEED_SILENT.
            Path redConfig = config(
                    "red",
                    "RED",
                    "BLUE",
                    ports[2],
                    ports[3],
                    ports[0],
                    aisFeed + "    - { name: dead, kind: ais, url: \"tcp://127.0.0.1:" + Ports.freePort() + "\" }\n");
            try (NodeProcess blueNode = new NodeProcess(blueConfig, root.resolve("blue.log"), ports[1]);
                    NodeProcess redNode = new NodeProcess(redConfig, root.resolve("red.log"), ports[3])) {
                blueNode.awaitHealthy(blue, Duration.ofSeconds(60));
                redNode.awaitHealthy(red, Duration.ofSeconds(60));
                beastThroughDump1090(blue, dump1090);

                JsonNode incident = awaitIncident(blue, "HOTLINE");
                String id = incident.path("id").asText();
                assertThat(notice(incident, "HOTLINE").path("state").asText()).isEqualTo("SENT");
                assertThat(notice(incident, "UNSAFE").path("state").asText()).isEqualTo("DRAFT");
                assertThat(blue.text("api/v1/incidents/" + id, "application/cap+xml"))
                        .contains("<incidents>" + id + "</incidents>", "<severity>Extreme</severity>");
                assertThat(blue.text("api/v1/incidents/" + id, "application/geo+json"))
                        .contains("\"LineString\"");
                JsonNode tracks = OperatorClient.json()
                        .readTree(blue.text("api/v1/tracks?bbox=119,24,120,25", "application/geo+json"));
                assertThat(tracks.path("features"))
                        .extracting(f -> f.path("properties").path("party").asText())
                        .containsExactlyInAnyOrder("BLUE", "RED");
                String metrics = blue.text("metrics");
                assertThat(metrics).contains("parley_feed_connected{party=\"BLUE\",feed=\"ais-tcp\"} 1");

                // An own aircraft that sends no ADS-B, reported by BLUE's own systems, joins the picture;
                // a batch with one bad report is refused whole, saying which field to fix.
                com.fasterxml.jackson.databind.node.ObjectNode own =
                        OperatorClient.json().createObjectNode();
                own.putArray("positions")
                        .addObject()
                        .put("icao", "ADF7C8")
                        .put("time", java.time.Instant.now().toString())
                        .put("lat", 24.6)
                        .put("lon", 119.6)
                        .put("courseDegrees", 90)
                        .put("speedKnots", 300)
                        .put("altitudeFeet", 20000);
                assertThat(blue.post("api/v1/positions", own).path("accepted").asInt())
                        .isEqualTo(1);
                await("the own aircraft in BLUE's tracks")
                        .atMost(Duration.ofSeconds(20))
                        .until(() -> blue.text("api/v1/tracks?bbox=119,24,120,25", "application/geo+json")
                                .contains("ICAO ADF7C8"));
                com.fasterxml.jackson.databind.node.ObjectNode bad =
                        OperatorClient.json().createObjectNode();
                bad.putArray("positions").addObject().put("mmsi", 369970093).put("time", "2026-12-05T00:00:00Z");
                assertThatThrownBy(() -> blue.post("api/v1/positions", bad)).hasMessageContaining("positions[0].lat");
                assertThat(metrics)
                        .containsPattern("parley_feed_positions_total\\{party=\"BLUE\",feed=\"ais-tcp\"\\} [1-9]");
                JsonNode flash = awaitSafety(red, 1).get(0);
                assertThat(flash.path("precedence").asText()).isEqualTo("FLASH");
                assertThat(flash.path("textZh").asText())
                        .containsPattern("\\p{IsHan}")
                        .doesNotContain("closest", "HOTLINE");
                await("RED to link BLUE's FLASH to its own incident")
                        .atMost(Duration.ofSeconds(40))
                        .until(() -> peerReports(red) > 0);

                // SIGKILL mid-incident; the feed goes on, the restarted node connects again.
                blueNode.kill();
                blueNode.restart();
                blueNode.awaitHealthy(blue, Duration.ofSeconds(60));
                assertThat(blue.get("api/v1/incidents/" + id).path("open").asBoolean())
                        .isTrue();
                await("BLUE's AIS feed to be read again")
                        .atMost(Duration.ofSeconds(40))
                        .until(
                                () -> blue.text("metrics")
                                        .matches(
                                                "(?s).*parley_feed_positions_total\\{party=\"BLUE\",feed=\"ais-tcp\"\\} [1-9].*"));
                Thread.sleep(10_000); // the watch sees the pair again; a repeated FLASH would arrive in this
                assertThat(blue.get("api/v1/incidents").path("incidents"))
                        .filteredOn(i -> i.path("level").asText().equals("HOTLINE"))
                        .extracting(i -> i.path("id").asText())
                        .containsExactly(id);
                assertThat(awaitSafety(red, 1))
                        .as("no FLASH repeated after the restart")
                        .hasSize(1);

                // The duty officer sends the drafted UNSAFE notice: a second FLASH, and then no draft.
                CliRun sent =
                        CliRun.of("incidents", "send", id, "--level", "UNSAFE", "--config", blueConfig.toString());
                assertThat(sent.code()).as(sent.err()).isZero();
                assertThat(awaitSafety(red, 2)).hasSize(2);
                CliRun again =
                        CliRun.of("incidents", "send", id, "--level", "UNSAFE", "--config", blueConfig.toString());
                assertThat(again.code()).isEqualTo(1);
                assertThat(again.err()).contains("not a draft any more");

                // RED's duty officer discards RED's own UNSAFE draft, with the reason kept.
                String redIncident = red.get("api/v1/incidents")
                        .path("incidents")
                        .get(0)
                        .path("id")
                        .asText();
                CliRun discarded = CliRun.of(
                        "incidents",
                        "discard",
                        redIncident,
                        "--level",
                        "UNSAFE",
                        "--reason",
                        "BLUE's FLASH already covers it",
                        "--config",
                        redConfig.toString());
                assertThat(discarded.code()).as(discarded.err()).isZero();
                JsonNode redNotice = notice(red.get("api/v1/incidents/" + redIncident), "UNSAFE");
                assertThat(redNotice.path("state").asText()).isEqualTo("DISCARDED");
                assertThat(redNotice.path("reason").asText()).isEqualTo("BLUE's FLASH already covers it");
                assertThat(redNotice.path("decidedBy").asText()).isEqualTo("red-officer");

                // The silent receiver is alarmed, the talking one is not.
                String alarms = red.get("api/v1/alarms").toString();
                assertThat(alarms).contains("FEED_SILENT", "feed dead has said nothing");
                assertThat(alarms).doesNotContain("feed ais-tcp has said nothing");
            }
        }
    }

    /**
     * The shared Beast capture pushed into dump1090-mutability's Beast input, read by BLUE from its
     * Beast output: the aircraft dump1090 itself decodes a position for (48520A, peer SBS output in
     * shared/data/adsb/peer) becomes a track. Pushed again until it shows: dump1090 forwards only
     * to clients connected at the time.
     */
    private static void beastThroughDump1090(OperatorClient blue, Dump1090 dump1090) {
        await("BLUE's track of 48520A through dump1090")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    dump1090.push(BEAST_CAPTURE);
                    return blue.text("api/v1/tracks", "application/geo+json").contains("48520A");
                });
    }

    /** How many of the peer's FLASH messages the node linked to its incidents. */
    private static int peerReports(OperatorClient red) {
        JsonNode list = red.get("api/v1/incidents").path("incidents");
        int linked = 0;
        for (JsonNode i : list) {
            linked += red.get("api/v1/incidents/" + i.path("id").asText())
                    .path("peer")
                    .size();
        }
        return linked;
    }

    private static JsonNode awaitIncident(OperatorClient api, String level) {
        List<JsonNode> found = new ArrayList<>();
        await("an incident at " + level).atMost(Duration.ofSeconds(60)).until(() -> {
            found.clear();
            for (JsonNode i : api.get("api/v1/incidents").path("incidents")) {
                if (i.path("level").asText().equals(level)) {
                    found.add(api.get("api/v1/incidents/" + i.path("id").asText()));
                }
            }
            // SENDING lasts from the notice's claim to its envelope's commit to the outbox: wait it out.
            return found.size() == 1
                    && found.get(0).path("notices").size() == 2
                    && java.util.stream.StreamSupport.stream(
                                    found.get(0).path("notices").spliterator(), false)
                            .noneMatch(n -> n.path("state").asText().equals("SENDING"));
        });
        return found.get(0);
    }

    private static JsonNode notice(JsonNode incident, String level) {
        for (JsonNode n : incident.path("notices")) {
            if (n.path("level").asText().equals(level)) {
                return n;
            }
        }
        throw new AssertionError("no " + level + " notice in " + incident.toPrettyString());
    }

    private static List<JsonNode> awaitSafety(OperatorClient red, int atLeast) {
        List<JsonNode> safety = new ArrayList<>();
        await("RED to hold " + atLeast + " SAFETY messages")
                .atMost(Duration.ofSeconds(40))
                .until(() -> {
                    safety.clear();
                    red.get("api/v1/inbox").path("messages").forEach(m -> {
                        if (m.path("category").asText().equals("SAFETY")) {
                            safety.add(m);
                        }
                    });
                    return safety.size() >= atLeast;
                });
        return safety;
    }

    private OperatorClient client(int port, String name) {
        return new OperatorClient(
                URI.create("https://127.0.0.1:" + port + "/"), TOKEN, root.resolve(name + "/keys/ca.crt"));
    }

    private Path config(String name, String party, String peer, int fed, int op, int peerFed, String feeds)
            throws IOException {
        return NodeConfigFile.of(party, peer)
                .keys(name + "/keys")
                .sqlite(root.resolve(name + ".db"))
                .federation(fed, peerFed)
                .operator(op)
                .token(TOKEN, name + "-officer", "DUTY_OFFICER")
                .watch("""
                          parties: parties.yaml
                          send: { UNSAFE: draft, HOTLINE: auto }
                          feedSilentAfter: PT5S
                          feeds:
                        """ + feeds)
                .write(root.resolve(name + ".yaml"));
    }
}
