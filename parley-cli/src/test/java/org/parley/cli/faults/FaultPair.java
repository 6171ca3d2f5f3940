package org.parley.cli.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parley.cli.operator.OperatorClient;
import org.parley.crypto.PartyIdentity;
import org.parley.wire.Party;

/**
 * BLUE and RED as two real node processes from {@code target/parley.jar}, each in its own network
 * namespace of {@link Netns}, federating over the wire veth with real mutual TLS and SQLite stores.
 * Both listen on fixed ports inside their namespaces (nothing else lives there).
 */
final class FaultPair implements AutoCloseable {
    static final int FEDERATION_PORT = 8443;
    static final int OPERATOR_PORT = 8444;
    static final String TOKEN = "fault-test-token";
    private static final Path JAR = Path.of("target/parley.jar").toAbsolutePath();

    /**
     * How the pair is set up: link-test settings, each side's list of peer endpoints, the folder of
     * BLUE's SQLite file (empty: the pair's own folder), node.yaml store lines that replace a side's
     * SQLite store (by name, "blue" or "red"), and words put before a side's {@code java} command
     * (e.g. {@code env LD_PRELOAD=...}).
     */
    record Setup(
            Duration linkInterval,
            Duration linkTimeout,
            int misses,
            List<String> blueToRed,
            List<String> redToBlue,
            Optional<Path> blueStoreDir,
            Map<String, String> stores,
            Map<String, List<String>> prefixes) {
        Setup {
            blueToRed = List.copyOf(blueToRed);
            redToBlue = List.copyOf(redToBlue);
            stores = Map.copyOf(stores);
            prefixes = Map.copyOf(prefixes);
        }

        Setup(Duration linkInterval, Duration linkTimeout, int misses, List<String> blueToRed, List<String> redToBlue) {
            this(linkInterval, linkTimeout, misses, blueToRed, redToBlue, Optional.empty(), Map.of(), Map.of());
        }

        /** Each side straight over the wire to the other, three missed link tests raise the alarm. */
        static Setup direct(Netns net, Duration linkInterval, Duration linkTimeout) {
            return new Setup(
                    linkInterval, linkTimeout, 3, FaultPair.direct(net, net.red), FaultPair.direct(net, net.blue));
        }

        Setup withBlueStore(Path dir) {
            return new Setup(
                    linkInterval, linkTimeout, misses, blueToRed, redToBlue, Optional.of(dir), stores, prefixes);
        }

        /** Each side's node.yaml store lines, e.g. a PostgreSQL URL, user, password and schema. */
        Setup withStores(Map<String, String> yamlByName) {
            return new Setup(
                    linkInterval, linkTimeout, misses, blueToRed, redToBlue, blueStoreDir, yamlByName, prefixes);
        }

        /** Words before one side's java command. */
        Setup withPrefix(String name, List<String> words) {
            return new Setup(
                    linkInterval,
                    linkTimeout,
                    misses,
                    blueToRed,
                    redToBlue,
                    blueStoreDir,
                    stores,
                    Map.of(name, List.copyOf(words)));
        }
    }

    final Netns net;
    final Path root;
    final OperatorClient blueApi;
    final OperatorClient redApi;
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, List<String>> commands = new LinkedHashMap<>();

    private FaultPair(Netns net, Path root) {
        this.net = net;
        this.root = root;
        this.blueApi = client(net.blue, "blue");
        this.redApi = client(net.red, "red");
    }

    /** The peer endpoint of each side straight over the wire. */
    static List<String> direct(Netns net, String ns) {
        return List.of("https://" + net.wireAddress(ns) + ":" + FEDERATION_PORT);
    }

    static FaultPair start(Netns net, Path root, Setup setup) throws IOException, InterruptedException {
        return start(net, root, setup, InstantSource.system());
    }

    /**
     * As {@link #start(Netns, Path, Setup)}, with both parties' keys and certificates issued at the
     * time {@code keyClock} tells (a clock in the past: keys older than the test, as a fielded node's are).
     */
    static FaultPair start(Netns net, Path root, Setup setup, InstantSource keyClock)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing; run the package phase first");
        }
        InstantSource clock = keyClock;
        SecureRandom random = new SecureRandom();
        List<String> hosts = List.of(
                net.wireAddress(net.blue),
                net.wireAddress(net.red),
                net.managementAddress(net.blue),
                net.managementAddress(net.red),
                "127.0.0.1");
        PartyIdentity b =
                PartyIdentity.init(root.resolve("blue/keys"), Party.of("BLUE"), hosts, Optional.empty(), clock, random);
        PartyIdentity r =
                PartyIdentity.init(root.resolve("red/keys"), Party.of("RED"), hosts, Optional.empty(), clock, random);
        b.pinEachOther(r);
        FaultPair pair = new FaultPair(net, root);
        try {
            pair.launch(net.blue, "blue", "BLUE", "RED", setup.blueToRed(), setup);
            pair.launch(net.red, "red", "RED", "BLUE", setup.redToBlue(), setup);
            pair.awaitHealthy(pair.blueApi, "blue");
            pair.awaitHealthy(pair.redApi, "red");
        } catch (IOException | RuntimeException | InterruptedException e) {
            pair.close();
            throw e;
        }
        return pair;
    }

    private void launch(String ns, String name, String party, String peer, List<String> endpoints, Setup setup)
            throws IOException {
        Path config = root.resolve(name + ".yaml");
        Path storeDir = name.equals("blue") ? setup.blueStoreDir().orElse(root) : root;
        String store = setup.stores().getOrDefault(name, "store: jdbc:sqlite:" + storeDir.resolve(name + ".db"));
        Files.writeString(
                config,
                "party: " + party + "\nkeys: " + name + "/keys\n" + store
                        + "\nfederation:\n  listen: " + net.wireAddress(ns) + ":" + FEDERATION_PORT
                        + "\n  peer: " + peer + "\n  endpoints: [" + String.join(", ", endpoints) + "]"
                        + "\noperator:\n  listen: " + net.managementAddress(ns) + ":" + OPERATOR_PORT
                        + "\n  tokens: { \"" + TOKEN + "\": { operator: tester, role: DUTY_OFFICER } }"
                        + "\nlinkTest: { interval: " + setup.linkInterval() + ", timeout: " + setup.linkTimeout()
                        + ", missesForAlarm: " + setup.misses() + " }\n");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> line = new ArrayList<>(setup.prefixes().getOrDefault(name, List.of()));
        // As the parley launcher starts a node: the lanes' thread priorities apply (issue 20).
        line.addAll(List.of(
                java,
                "-Xmx384m",
                "-XX:ThreadPriorityPolicy=1",
                "-jar",
                JAR.toString(),
                "node",
                "start",
                "--config",
                config.toString()));
        commands.put(name, net.inside(ns, line));
        run(name);
    }

    private void run(String name) throws IOException {
        processes.put(
                name,
                new ProcessBuilder(commands.get(name))
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(
                                root.resolve(name + ".log").toFile()))
                        .start());
    }

    /** Stops one node as its operators would (SIGTERM, then SIGKILL after 15 s). */
    void stop(String name) {
        stop(processes.get(name));
    }

    /** Starts a node stopped by {@link #stop} again, same config and store, and waits until healthy. */
    void restart(String name) throws IOException, InterruptedException {
        run(name);
        awaitHealthy(name.equals("blue") ? blueApi : redApi, name);
    }

    private void awaitHealthy(OperatorClient api, String name) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            for (Map.Entry<String, Process> e : processes.entrySet()) {
                if (!e.getValue().isAlive()) {
                    throw new IllegalStateException("the " + e.getKey() + " node process exited ("
                            + e.getValue().exitValue() + ") while " + name + " started" + logTail(e.getKey()));
                }
            }
            try {
                if ("UP".equals(api.get("health").path("status").asText())) {
                    return;
                }
            } catch (OperatorClient.ApiException e) {
                // not up yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " not healthy after 90 s; see " + root.resolve(name + ".log"));
    }

    private OperatorClient client(String ns, String name) {
        return new OperatorClient(
                URI.create("https://" + net.managementAddress(ns) + ":" + OPERATOR_PORT + "/"),
                TOKEN,
                root.resolve(name + "/keys/ca.crt"));
    }

    /** The node's inbox, newest first, as its operators see it. */
    static List<JsonNode> inbox(OperatorClient api) {
        List<JsonNode> out = new ArrayList<>();
        api.get("api/v1/inbox?limit=10000").path("messages").forEach(out::add);
        return out;
    }

    /** One alarm as the node's alarm list shows it. */
    record Seen(Instant at, String kind, String message) {}

    static List<Seen> alarms(OperatorClient api) {
        List<Seen> out = new ArrayList<>();
        api.get("api/v1/alarms?limit=1000")
                .path("alarms")
                .forEach(a -> out.add(new Seen(
                        Instant.parse(a.path("at").asText()),
                        a.path("kind").asText(),
                        a.path("message").asText())));
        return out;
    }

    /** The last lines of a node's log, for a failure message. */
    String logTail(String name) {
        try {
            List<String> lines = Files.readAllLines(root.resolve(name + ".log"));
            return "\n--- " + name + ".log (last 30 lines):\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "\n" + name + ".log unreadable: " + e.getMessage();
        }
    }

    @Override
    public void close() {
        stopAll();
        keepLogs();
    }

    /** Copies both node logs to target/faults/logs/, where they outlive the test's temporary folder. */
    private void keepLogs() {
        try {
            Path dir = Path.of("target/faults/logs");
            Files.createDirectories(dir);
            String run = root.getFileName() + "-" + net.blue;
            for (String name : List.of("blue", "red")) {
                Path log = root.resolve(name + ".log");
                if (Files.exists(log)) {
                    Files.copy(
                            log,
                            dir.resolve(run + "-" + name + ".log"),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            System.err.println("FaultPair: could not keep the node logs: " + e.getMessage());
        }
    }

    private void stopAll() {
        processes.values().forEach(Process::destroy);
        processes.values().forEach(FaultPair::stop);
    }

    private static void stop(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(15, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }
}
