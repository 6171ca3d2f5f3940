package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.parley.cli.operator.OperatorClient;
import org.parley.crypto.PartyIdentity;
import org.parley.node.NodeConfigFile;
import org.parley.testing.Ports;
import org.parley.wire.Party;

/**
 * Issue 20's soak: BLUE and RED as two real node processes (SQLite stores, mutual TLS on loopback,
 * link tests every 10 s) exchange 50 envelopes/s in all, 25 each way, in a hotline's precedence
 * mix, for {@code parley.soak.duration} (one hour with {@code -Psoak}; bench/soak.sh). Every 30 s
 * each process is read from outside ({@link SoakProbe}: heap after a full GC, file descriptors,
 * threads, RSS) and the store-to-store latency of the envelopes sent 60 to 30 s earlier is taken
 * from the peer's inbox; one CSV row per node per sample. At the end: nothing lost, nothing
 * duplicated, {@code ledger verify} clean on both stores, and the growth bounds of {@link SoakBounds}.
 * Only runs when {@code parley.soak.duration} is set, so never in the default build.
 */
@EnabledIfSystemProperty(named = "parley.soak.duration", matches = "P.+")
class SoakIT {
    private static final Duration LENGTH = Duration.parse(System.getProperty("parley.soak.duration", "PT1H"));
    private static final Duration EVERY = Duration.ofSeconds(30);
    private static final int PER_SECOND_EACH_WAY = 25;
    /** Sending threads per side: 5 at 5/s each. */
    private static final int LANES = 5;

    private static final String TOKEN = "soak-token";
    private static final String LINK_TEST = "{ interval: PT10S, timeout: PT5S, missesForAlarm: 3 }";
    private static final int INBOX_LIMIT = 10_000;

    @TempDir
    Path root;

    /** One CSV row: a node's reading at {@code tSeconds} and the latency of envelopes delivered to it. */
    record Sample(
            double tSeconds,
            String node,
            SoakProbe.Reading reading,
            int delivered,
            double p50,
            double p99,
            double max,
            int sentWindow,
            double load1,
            long treeSize) {}

    @Test
    void exchangeForAnHour_twoNodeProcesses_noGrowthBeyondBoundsAndExactlyOnce() throws Exception {
        SecureRandom random = new SecureRandom();
        List<String> hosts = List.of("localhost", "127.0.0.1");
        PartyIdentity b = PartyIdentity.init(
                root.resolve("blue/keys"), Party.of("BLUE"), hosts, Optional.empty(), InstantSource.system(), random);
        PartyIdentity r = PartyIdentity.init(
                root.resolve("red/keys"), Party.of("RED"), hosts, Optional.empty(), InstantSource.system(), random);
        b.pinEachOther(r);
        int[] ports = {Ports.freePort(), Ports.freePort(), Ports.freePort(), Ports.freePort()};
        Path blueConfig = config("blue", "BLUE", "RED", ports[0], ports[1], ports[2]);
        Path redConfig = config("red", "RED", "BLUE", ports[2], ports[3], ports[0]);
        OperatorClient blueApi = client(ports[1], "blue");
        OperatorClient redApi = client(ports[3], "red");
        Path csv = Path.of(System.getProperty("parley.soak.csv", "target/soak/soak.csv"))
                .toAbsolutePath();
        Files.createDirectories(csv.getParent());
        List<Sample> samples;
        SoftAssertions softly = new SoftAssertions();
        SoakSender blueOut;
        SoakSender redOut;
        try (NodeProcess blue = new NodeProcess(blueConfig, root.resolve("blue.log"), ports[1], jvm("blue"));
                NodeProcess red = new NodeProcess(redConfig, root.resolve("red.log"), ports[3], jvm("red"));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv))) {
            blue.awaitHealthy(blueApi, Duration.ofSeconds(90));
            red.awaitHealthy(redApi, Duration.ofSeconds(90));
            out.println("t_s,node,heap_after_gc_mib,heap_committed_mib,rss_mib,fds,threads,"
                    + "delivered_window,p50_ms,p99_ms,max_ms,sent_window,load1,tree_size");
            Instant start = Instant.now();
            blueOut = new SoakSender(blueApi, "soak-blue-", PER_SECOND_EACH_WAY, LANES);
            redOut = new SoakSender(redApi, "soak-red-", PER_SECOND_EACH_WAY, LANES);
            try {
                samples = sampleUntil(start, blue, red, blueOut, redOut, blueApi, redApi, out);
            } finally {
                blueOut.stop();
                redOut.stop();
            }
            Totals totals = settle(blueOut, redOut, blueApi, redApi);
            System.out.println("SOAK | " + totals + " | acknowledged " + (blueOut.acked() + redOut.acked())
                    + " | link BLUE " + linkTests(blueApi) + " | link RED " + linkTests(redApi));
            softly.assertThat(blue.alive() && red.alive())
                    .as("both node processes still running")
                    .isTrue();
            softly.assertThat(totals.lost()).as("lost: %s", totals).isZero();
            softly.assertThat(totals.duplicated()).as("duplicated: %s", totals).isZero();
            double expected = 2.0 * PER_SECOND_EACH_WAY * LENGTH.toSeconds();
            softly.assertThat(totals.sent())
                    .as("sent at 50/s for %s (%s)", LENGTH, totals)
                    .isGreaterThan((long) (0.9 * expected));
        } finally {
            keepLogs(csv.getParent());
        }
        for (Path config : List.of(blueConfig, redConfig)) {
            Instant began = Instant.now();
            CliRun audit = CliRun.of("ledger", "verify", "--config", config.toString());
            System.out.println("SOAK | ledger verify " + config.getFileName() + ": exit " + audit.code() + " in "
                    + Duration.between(began, Instant.now()).toSeconds() + " s");
            softly.assertThat(audit.code())
                    .as(() -> "ledger verify " + config + ":\n" + audit.out() + audit.err())
                    .isZero();
        }
        SoakBounds.check(samples, LENGTH, softly);
        softly.assertAll();
    }

    /** The node logs and GC logs, out of the temporary folder, next to the CSV. */
    private void keepLogs(Path dir) throws IOException {
        for (String name : List.of("blue.log", "red.log", "blue-gc.log", "red-gc.log")) {
            if (Files.exists(root.resolve(name))) {
                Files.copy(root.resolve(name), dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private List<Sample> sampleUntil(
            Instant start,
            NodeProcess blue,
            NodeProcess red,
            SoakSender blueOut,
            SoakSender redOut,
            OperatorClient blueApi,
            OperatorClient redApi,
            PrintWriter out)
            throws Exception {
        SoakProbe probe = new SoakProbe();
        List<Sample> samples = new ArrayList<>();
        for (long n = 1; n * EVERY.toSeconds() <= LENGTH.toSeconds(); n++) {
            Instant at = start.plus(EVERY.multipliedBy(n));
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), at).toMillis()));
            assertThat(blue.alive() && red.alive())
                    .as("both node processes running at %s", at)
                    .isTrue();
            double t = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            // Envelopes sent 60 to 30 s ago: long enough for delivery, short enough to be this window's.
            List<OperatorTraffic.Sent> toRed = blueOut.sentBetween(at.minus(EVERY.multipliedBy(2)), at.minus(EVERY));
            List<OperatorTraffic.Sent> toBlue = redOut.sentBetween(at.minus(EVERY.multipliedBy(2)), at.minus(EVERY));
            samples.add(sample(t, "BLUE", probe.read(blue.pid(), root.resolve("blue-gc.log")), toBlue, blueApi));
            samples.add(sample(t, "RED", probe.read(red.pid(), root.resolve("red-gc.log")), toRed, redApi));
            for (Sample s : samples.subList(samples.size() - 2, samples.size())) {
                out.println(csv(s));
                System.out.println("SOAK " + csv(s));
            }
            out.flush();
        }
        return samples;
    }

    private static Sample sample(
            double t,
            String node,
            SoakProbe.Reading reading,
            List<OperatorTraffic.Sent> window,
            OperatorClient receiver)
            throws IOException {
        List<JsonNode> inbox = new ArrayList<>();
        try {
            receiver.get("api/v1/inbox?limit=" + 4 * EVERY.toSeconds() * PER_SECOND_EACH_WAY)
                    .path("messages")
                    .forEach(inbox::add);
        } catch (OperatorClient.ApiException e) {
            System.out.println("SOAK " + node + " inbox unreadable at " + t + " s: " + e.getMessage());
        }
        List<Double> ms = OperatorTraffic.latenciesMillis(window, inbox, "");
        long treeSize = -1;
        try {
            treeSize = receiver.get("api/v1/link").path("treeSize").asLong(-1);
        } catch (OperatorClient.ApiException e) {
            System.out.println("SOAK " + node + " link status unreadable at " + t + " s: " + e.getMessage());
        }
        return new Sample(
                t,
                node,
                reading,
                ms.size(),
                OperatorTraffic.percentile(ms, 50),
                OperatorTraffic.percentile(ms, 99),
                OperatorTraffic.percentile(ms, 100),
                window.size(),
                SoakProbe.load1(),
                treeSize);
    }

    private static String csv(Sample s) {
        SoakProbe.Reading r = s.reading();
        return String.format(
                java.util.Locale.ROOT,
                "%.1f,%s,%.2f,%.2f,%.1f,%d,%d,%d,%.1f,%.1f,%.1f,%d,%.2f,%d",
                s.tSeconds(),
                s.node(),
                r.heapAfterGcMib(),
                r.heapCommittedMib(),
                r.rssMib(),
                r.fds(),
                r.threads(),
                s.delivered(),
                s.p50(),
                s.p99(),
                s.max(),
                s.sentWindow(),
                s.load1(),
                s.treeSize());
    }

    /** Sent, delivered once, missing and duplicated at the peers' operators, both ways. */
    record Totals(long sent, long delivered, long lost, long duplicated, int refused) {}

    /** Waits (up to 4 minutes) until both inboxes hold everything sent, then counts as ExactlyOnceIT does. */
    private static Totals settle(SoakSender blueOut, SoakSender redOut, OperatorClient blueApi, OperatorClient redApi)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        Totals totals = count(blueOut, redOut, blueApi, redApi);
        while (totals.lost() > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(2000);
            totals = count(blueOut, redOut, blueApi, redApi);
        }
        return totals;
    }

    private static Totals count(SoakSender blueOut, SoakSender redOut, OperatorClient blueApi, OperatorClient redApi) {
        Totals toRed = count(blueOut.sent(), inbox(redApi));
        Totals toBlue = count(redOut.sent(), inbox(blueApi));
        return new Totals(
                toRed.sent() + toBlue.sent(),
                toRed.delivered() + toBlue.delivered(),
                toRed.lost() + toBlue.lost(),
                toRed.duplicated() + toBlue.duplicated(),
                blueOut.refused() + redOut.refused());
    }

    /** Each sent envelope seen by id or by its unique text: once is delivered, more is duplicated. */
    private static Totals count(List<OperatorTraffic.Sent> sent, List<JsonNode> inbox) {
        OperatorTraffic.Count c = OperatorTraffic.Count.of(sent, inbox);
        return new Totals(c.sent(), c.delivered(), c.lost(), c.duplicated(), 0);
    }

    /** The whole inbox, {@value #INBOX_LIMIT} at a time. */
    private static List<JsonNode> inbox(OperatorClient api) {
        List<JsonNode> all = new ArrayList<>();
        for (int offset = 0; ; offset += INBOX_LIMIT) {
            int before = all.size();
            api.get("api/v1/inbox?limit=" + INBOX_LIMIT + "&offset=" + offset)
                    .path("messages")
                    .forEach(all::add);
            if (all.size() - before < INBOX_LIMIT) {
                return all;
            }
        }
    }

    /** The node's link status (last link test, alarm) and its link alarm gauge, for the report. */
    private static String linkTests(OperatorClient api) {
        return api.get("api/v1/link") + " "
                + api.text("metrics")
                        .lines()
                        .filter(l -> l.startsWith("parley_link_alarm"))
                        .findFirst()
                        .orElse("no parley_link_alarm metric");
    }

    /**
     * The node's JVM: FaultPair's heap limit, the collector the {@code parley} launcher runs a node on
     * (generational ZGC, decision 17; NodeProcess adds the launcher's priority option), and a GC log
     * that SoakProbe reads the post-GC heap from.
     */
    private List<String> jvm(String name) {
        return List.of("-Xmx384m", "-XX:+UseZGC", "-Xlog:gc:file=" + root.resolve(name + "-gc.log"));
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
                .token(TOKEN, "soak", "DUTY_OFFICER")
                .linkTest(LINK_TEST)
                .write(root.resolve(name + ".yaml"));
    }
}
