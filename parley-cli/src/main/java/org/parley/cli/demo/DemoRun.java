package org.parley.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.parley.cli.operator.OperatorClient;
import org.parley.crypto.PartyIdentity;
import org.parley.node.HotlineNode;
import org.parley.node.NodeConfig;
import org.parley.node.NodeConfigFile;
import org.parley.node.events.Alarm;
import org.parley.node.watch.EncounterWatch;
import org.parley.wire.Party;

/** The demo's script: set up two parties and two nodes, then play the timeline. */
final class DemoRun implements AutoCloseable {
    private static final Party BLUE = Party.of("BLUE");
    private static final Party RED = Party.of("RED");
    private static final String BLUE_OFFICER = "blue-duty-officer-token";
    private static final String RED_OFFICER = "red-duty-officer-token";
    private static final String RED_SUPERVISOR = "red-watch-supervisor-token";

    private final Path root;
    private final Duration escalateAfter;
    private final PrintWriter out;
    private final InstantSource clock;
    private final SecureRandom random;
    private final Instant started;
    private Optional<HotlineNode> blue = Optional.empty();
    private Optional<HotlineNode> red = Optional.empty();
    private Optional<OperatorClient> blueApi = Optional.empty();
    private Optional<OperatorClient> redApi = Optional.empty();
    private Optional<OperatorClient> redSupervisorApi = Optional.empty();

    DemoRun(Path root, Duration escalateAfter, PrintWriter out, InstantSource clock, SecureRandom random) {
        this.root = root;
        this.escalateAfter = escalateAfter;
        this.out = out;
        this.clock = clock;
        this.random = random;
        this.started = clock.instant();
    }

    void step(String title) {
        out.println();
        out.println("== " + title);
        out.flush();
    }

    void say(String line) {
        Duration t = Duration.between(started, clock.instant());
        out.printf("  [+%6.2fs] %s%n", t.toMillis() / 1000.0, line);
        out.flush();
    }

    void setUp() throws IOException {
        step("1. Keys: each party makes an offline CA, a node TLS certificate and a signing key");
        PartyIdentity blueKeys = keys(BLUE);
        PartyIdentity redKeys = keys(RED);
        blueKeys.pinEachOther(redKeys);
        say("BLUE pinned RED's CA and RED pinned BLUE's CA (read out by fingerprint in service)");

        step("2. Nodes: BLUE and RED start on loopback, embedded SQLite, mutual TLS 1.3");
        int[] ports = {freePort(), freePort(), freePort(), freePort()};
        Path blueConfig = writeConfig(BLUE, RED, ports[0], ports[1], ports[2], BLUE_OFFICER, "alice");
        Path redConfig = writeConfig(RED, BLUE, ports[2], ports[3], ports[0], RED_OFFICER, "li");
        HotlineNode b = HotlineNode.start(NodeConfig.load(blueConfig), clock, random);
        blue = Optional.of(b);
        HotlineNode r = HotlineNode.start(NodeConfig.load(redConfig), clock, random);
        red = Optional.of(r);
        b.onTimeline(this::say);
        r.onTimeline(this::say);
        say("BLUE: federation port " + b.federationPort() + ", operator API https://127.0.0.1:" + b.operatorPort());
        say("RED:  federation port " + r.federationPort() + ", operator API https://127.0.0.1:" + r.operatorPort());
        blueApi = Optional.of(client(b, BLUE_OFFICER));
        redApi = Optional.of(client(r, RED_OFFICER));
        redSupervisorApi = Optional.of(client(r, RED_SUPERVISOR));
    }

    void timeline() {
        OperatorClient blueOps = blueApi.orElseThrow();
        OperatorClient redOps = redApi.orElseThrow();
        step("3. BLUE's encounter watch replays an unsafe intercept (Taiwan Strait, 3 Jun 2023 pattern)");
        HotlineNode b = blue.orElseThrow();
        EncounterWatch watch = b.encounterWatch();
        String flash = DemoEncounter.replay(DemoEncounter.engine(), watch, e -> say("BLUE watch: " + e.summary()))
                .map(Object::toString)
                .orElseThrow(() -> new IllegalStateException("the intercept raised no HOTLINE encounter"));
        JsonNode drafted = blueOps.get("/api/v1/messages/" + flash);
        say("BLUE's node kept incident " + watch.incidents(false, 0, 1).get(0).id() + " and sent FLASH SAFETY " + flash
                + " (UNSAFE is drafted for the duty officer, HOTLINE goes at once):");
        say("  EN: " + drafted.path("text").asText().replace("\n", "\n      "));
        say("  ZH: " + drafted.path("textZh").asText().replace("\n", "\n      "));
        step("4. RED's node verifies, stores durably and returns a signed receipt");
        await(
                "receipt for the FLASH",
                () -> status(blueOps, flash).equals("RECEIVED")
                        || status(blueOps, flash).equals("ACKNOWLEDGED"));
        say("BLUE's outbox shows " + flash + " as RECEIVED (signed receipt verified)");
        step("5. RED's duty officer reads it and acknowledges");
        redOps.post("/api/v1/messages/" + flash + "/ack", OperatorClient.json().createObjectNode());
        await("BLUE to see the acknowledgment", () -> status(blueOps, flash).equals("ACKNOWLEDGED"));
        JsonNode seen = blueOps.get("/api/v1/messages/" + flash);
        say("BLUE sees: ACKNOWLEDGED by " + seen.path("acknowledgedBy").asText() + " at "
                + seen.path("acknowledgedAt").asText());
        linkTests();
        escalation();
        summary();
    }

    private void linkTests() {
        step("6. Link test each way: round trip and the peer's clock offset");
        for (HotlineNode node : List.of(blue.orElseThrow(), red.orElseThrow())) {
            Optional<Duration> rtt = node.linkTest();
            var status = node.link();
            say(node.party() + " -> peer: "
                    + rtt.map(d -> "answered, round trip " + d.toMillis() + " ms")
                            .orElse("NO ANSWER")
                    + status.peerClockOffset()
                            .map(o -> ", peer clock offset " + o.toMillis() + " ms")
                            .orElse(""));
        }
    }

    private void escalation() {
        OperatorClient blueOps = blueApi.orElseThrow();
        step("7. An IMMEDIATE notice nobody acknowledges (demo deadline " + escalateAfter.toSeconds()
                + " s; 30 min in service)");
        String notice = send(
                blueOps,
                "IMMEDIATE",
                "NOTICE",
                "Live-fire exercise in area KILO from 0600Z to 1800Z tomorrow; keep clear.");
        await(
                "RED's escalation",
                () -> red.orElseThrow().alarms().stream()
                        .anyMatch(a ->
                                a.kind() == Alarm.Kind.ESCALATION && a.message().contains(notice)));
        await("BLUE to see it overdue", () -> status(blueOps, notice).equals("OVERDUE"));
        say("BLUE's outbox shows " + notice + " as OVERDUE");
        redSupervisorApi
                .orElseThrow()
                .post(
                        "/api/v1/messages/" + notice + "/ack",
                        OperatorClient.json().createObjectNode());
        await(
                "BLUE to see the late acknowledgment",
                () -> status(blueOps, notice).equals("ACKNOWLEDGED"));
        say("RED's watch supervisor acknowledged it late; BLUE now shows ACKNOWLEDGED, and RED's audit log keeps"
                + " \"not acknowledged in time\"");
    }

    private void summary() {
        step("8. Both sides see the same status for every message");
        JsonNode sent = blueApi.orElseThrow().get("/api/v1/outbox");
        JsonNode received = redApi.orElseThrow().get("/api/v1/inbox");
        out.printf("  %-36s %-9s %-8s %-14s %-14s%n", "message", "prec.", "cat.", "BLUE (sender)", "RED (receiver)");
        for (JsonNode m : sent.path("messages")) {
            String redStatus = "?";
            for (JsonNode r : received.path("messages")) {
                if (r.path("id").asText().equals(m.path("id").asText())) {
                    redStatus = r.path("status").asText();
                }
            }
            out.printf(
                    "  %-36s %-9s %-8s %-14s %-14s%n",
                    m.path("id").asText(),
                    m.path("precedence").asText(),
                    m.path("category").asText(),
                    m.path("status").asText(),
                    redStatus);
        }
        out.flush();
    }

    void printHowToContinue() {
        out.println();
        out.println("Both nodes keep running. Press Ctrl-C to stop them.");
        out.println("  BLUE operator API: https://127.0.0.1:"
                + blue.orElseThrow().operatorPort() + "/api/v1/inbox  (token " + BLUE_OFFICER + ")");
        out.println("  RED  operator API: https://127.0.0.1:"
                + red.orElseThrow().operatorPort() + "/api/v1/inbox  (token " + RED_OFFICER + ")");
        out.println("  e.g. ./parley inbox --config " + root.resolve("red.yaml"));
        // One-time sign-in links (good once, for 10 minutes) to each duty officer's console.
        out.println("  BLUE console: " + consoleLink(blue.orElseThrow(), "alice"));
        out.println("  RED console: " + consoleLink(red.orElseThrow(), "li"));
        out.flush();
    }

    /** The console's one-time sign-in link for {@code operator} on {@code node}. */
    static String consoleLink(HotlineNode node, String operator) {
        return "https://127.0.0.1:" + node.operatorPort() + "/login?code=" + node.consoleLoginCode(operator);
    }

    private static String status(OperatorClient api, String id) {
        return api.get("/api/v1/messages/" + id).path("status").asText();
    }

    private String send(OperatorClient api, String precedence, String category, String text) {
        ObjectNode body = OperatorClient.json().createObjectNode();
        body.put("precedence", precedence);
        body.put("category", category);
        body.put("text", text);
        return api.post("/api/v1/messages", body).path("id").asText();
    }

    private void await(String what, BooleanSupplier condition) {
        Instant deadline = clock.instant().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (clock.instant().isAfter(deadline)) {
                throw new IllegalStateException("timed out after 30 s waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
        }
    }

    private PartyIdentity keys(Party party) {
        Path dir = root.resolve(party.name().toLowerCase(java.util.Locale.ROOT)).resolve("keys");
        PartyIdentity identity =
                PartyIdentity.init(dir, party, List.of("localhost", "127.0.0.1"), Optional.empty(), clock, random);
        say(party + " keys in " + dir);
        return identity;
    }

    private Path writeConfig(Party own, Party peer, int fedPort, int opPort, int peerFedPort, String token, String who)
            throws IOException {
        String name = own.name().toLowerCase(java.util.Locale.ROOT);
        NodeConfigFile config = NodeConfigFile.of(own.name(), peer.name())
                .keys(name + "/keys")
                .sqlite(root.resolve(name).resolve("store.db"))
                .federation(fedPort, peerFedPort)
                .operator(opPort)
                .token(token, who, "DUTY_OFFICER")
                .linkTest("{ interval: PT1H, timeout: PT10S, missesForAlarm: 3 }")
                .immediateDeadline(escalateAfter.toString());
        if (own.equals(RED)) {
            config.token(RED_SUPERVISOR, "wang", "WATCH_SUPERVISOR");
        }
        return config.write(root.resolve(name + ".yaml"));
    }

    private static OperatorClient client(HotlineNode node, String token) {
        return new OperatorClient(
                URI.create("https://127.0.0.1:" + node.operatorPort() + "/"),
                token,
                node.keysDir().resolve("ca.crt"));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        }
    }

    @Override
    public void close() {
        red.ifPresent(HotlineNode::close);
        blue.ifPresent(HotlineNode::close);
        red = Optional.empty();
        blue = Optional.empty();
    }
}
