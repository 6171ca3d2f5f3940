package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.parley.cli.operator.OperatorClient;
import org.parley.crypto.PartyIdentity;
import org.parley.node.NodeConfigFile;
import org.parley.testing.Ports;
import org.parley.wire.Party;

/**
 * Two real node processes, each with its encounter watch on: the Chung-Hoon bow crossing (3 June
 * 2023, docs/scenarios.md) reported to both watches as their own systems would report it. BLUE's
 * watch keeps one incident, drafts the UNSAFE FLASH for its duty officer and sends the HOTLINE
 * FLASH at once; RED reads it in Chinese with no English line in it and links it to its own
 * incident of the pair. BLUE is then killed with SIGKILL mid-incident and restarted: the incident
 * is still open and no FLASH is sent twice.
 */
class WatchIT {
    private static final String TOKEN = "watch-officer";
    private static final int BLUE_SHIP = 369970093;
    private static final int RED_SHIP = 412000132;
    private static final double LAT = 24.2;
    private static final double LON = 119.4;
    private static final double KNOT = 1852.0 / 3600;
    private static final double METRES_PER_DEGREE = 111_320;
    private static final long CROSS_AT_SECONDS = 20 * 60;

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
        Path blueConfig = config("blue", "BLUE", "RED", ports[0], ports[1], ports[2]);
        Path redConfig = config("red", "RED", "BLUE", ports[2], ports[3], ports[0]);
        OperatorClient blue = client(ports[1], "blue");
        OperatorClient red = client(ports[3], "red");
        // The crossing happens one minute before "now": the reports run up to now.
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(CROSS_AT_SECONDS + 60);
        try (NodeProcess blueNode = new NodeProcess(blueConfig, root.resolve("blue.log"), ports[1]);
                NodeProcess redNode = new NodeProcess(redConfig, root.resolve("red.log"), ports[3])) {
            blueNode.awaitHealthy(blue, Duration.ofSeconds(60));
            redNode.awaitHealthy(red, Duration.ofSeconds(60));
            red.post("api/v1/positions", positions(start, 0, CROSS_AT_SECONDS + 60));
            blue.post("api/v1/positions", positions(start, 0, CROSS_AT_SECONDS + 60));

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
            assertThat(blue.text("metrics")).contains("parley_watch_reports_total{party=\"BLUE\"} ");
            JsonNode flash = awaitSafety(red, 1).get(0);
            assertThat(flash.path("precedence").asText()).isEqualTo("FLASH");
            assertThat(flash.path("textZh").asText())
                    .containsPattern("\\p{IsHan}")
                    .doesNotContain("closest", "HOTLINE");
            await("RED to link BLUE's FLASH to its own incident")
                    .atMost(Duration.ofSeconds(40))
                    .until(() -> redIncidentPeerReports(red) > 0);

            blueNode.kill();
            blueNode.restart();
            blueNode.awaitHealthy(blue, Duration.ofSeconds(60));
            assertThat(blue.get("api/v1/incidents/" + id).path("open").asBoolean())
                    .isTrue();
            Instant later = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            long elapsed = Duration.between(start, later).toSeconds();
            blue.post("api/v1/positions", positions(start, CROSS_AT_SECONDS + 70, elapsed));
            Thread.sleep(3_000); // a repeated FLASH would be delivered well within this on loopback
            assertThat(blue.get("api/v1/incidents?open=true").path("incidents"))
                    .extracting(i -> i.path("id").asText())
                    .containsExactly(id);
            assertThat(awaitSafety(red, 1))
                    .as("no FLASH repeated after the restart")
                    .hasSize(1);

            // The duty officer sends the drafted UNSAFE notice: a second FLASH, and then no draft.
            CliRun sent = CliRun.of("incidents", "send", id, "--level", "UNSAFE", "--config", blueConfig.toString());
            assertThat(sent.code()).as(sent.err()).isZero();
            assertThat(awaitSafety(red, 2)).hasSize(2);
            CliRun again = CliRun.of("incidents", "send", id, "--level", "UNSAFE", "--config", blueConfig.toString());
            assertThat(again.code()).isEqualTo(1);
            assertThat(again.err()).contains("not a draft any more");
        }
    }

    /** RED discards its own UNSAFE draft with a reason; the reason is kept. */
    private static int redIncidentPeerReports(OperatorClient red) {
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
            return found.size() == 1 && found.get(0).path("notices").size() == 2;
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

    /**
     * Both destroyers every 10 s from {@code fromSeconds} to {@code toSeconds} after {@code start}:
     * BLUE northbound at 15 kn, RED westbound at 20 kn crossing 150 yd ahead of BLUE's bow at 20 min.
     */
    private static ObjectNode positions(Instant start, long fromSeconds, long toSeconds) {
        ObjectNode body = OperatorClient.json().createObjectNode();
        ArrayNode list = body.putArray("positions");
        for (long s = fromSeconds; s <= toSeconds; s += 10) {
            Instant t = start.plusSeconds(s);
            double blueNorth = 15 * KNOT * s;
            double crossNorth = 15 * KNOT * CROSS_AT_SECONDS + 150 * 0.9144;
            double redEast = 20 * KNOT * (CROSS_AT_SECONDS - s);
            list.add(ship(BLUE_SHIP, t, blueNorth, 0, 15, 0));
            list.add(ship(RED_SHIP, t, crossNorth, redEast, 20, 270));
        }
        return body;
    }

    private static ObjectNode ship(int mmsi, Instant t, double north, double east, double knots, double course) {
        return OperatorClient.json()
                .createObjectNode()
                .put("mmsi", mmsi)
                .put("time", t.toString())
                .put("lat", LAT + north / METRES_PER_DEGREE)
                .put("lon", LON + east / (METRES_PER_DEGREE * Math.cos(Math.toRadians(LAT))))
                .put("courseDegrees", course)
                .put("speedKnots", knots);
    }

    private OperatorClient client(int port, String name) {
        return new OperatorClient(
                URI.create("https://127.0.0.1:" + port + "/"), TOKEN, root.resolve(name + "/keys/ca.crt"));
    }

    private Path config(String name, String party, String peer, int fed, int op, int peerFed) throws IOException {
        return NodeConfigFile.of(party, peer)
                .keys(name + "/keys")
                .sqlite(root.resolve(name + ".db"))
                .federation(fed, peerFed)
                .operator(op)
                .token(TOKEN, name + "-officer", "DUTY_OFFICER")
                .watch("""
                          parties: parties.yaml
                          send: { UNSAFE: draft, HOTLINE: auto }
                        """)
                .write(root.resolve(name + ".yaml"));
    }
}
