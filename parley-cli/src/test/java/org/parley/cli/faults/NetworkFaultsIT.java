package org.parley.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.cli.OperatorTraffic;

/**
 * Issue 20, network faults: two real node processes in two network namespaces joined by a veth
 * pair, with faults put on that wire (nftables drops and loss, tbf rate limit, a userspace delay
 * relay since this kernel has no netem). Each scenario prints one row of the table kept in
 * docs/reliability.md.
 *
 * <p>The default build runs the scenarios named in {@code parley.faults.scenarios} (default: a
 * 40-second partition); {@code -Pfaults} (bench/faults.sh) runs all, with the durations.
 */
class NetworkFaultsIT {
    private static final Duration LINK_INTERVAL = duration("linkInterval", "PT2S");
    private static final Duration LINK_TIMEOUT = duration("linkTimeout", "PT1S");
    private static final int RATE_PER_SIDE = Integer.getInteger("parley.faults.rate", 4);
    private static final Duration SLACK = Duration.ofSeconds(5);
    /** The federation request timeout (FederationConfig.defaults; node.yaml does not set it). */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path root;

    @BeforeAll
    static void namespacesPermitted() {
        String reason = Netns.unavailableReason();
        assumeTrue(reason.isEmpty(), () -> "network fault suite skipped: " + reason + " (it needs root and ip netns)");
    }

    @AfterAll
    static void printTable() {
        FaultTable.print();
    }

    @Test
    void partition_bothSidesSending_everyEnvelopeOnceAndLinkAlarmsRaisedAndCleared() throws Exception {
        Scenarios.assumeSelected("partition");
        Duration cut = duration("partition", "PT40S");
        try (Netns net = Netns.create();
                FaultPair pair = FaultPair.start(net, root, setup(net, LINK_INTERVAL, LINK_TIMEOUT))) {
            Exchange warm = warmUp(pair);
            Instant start = Instant.now();
            net.partition();
            Exchange during = Exchange.during(pair, "part", cut, RATE_PER_SIDE);
            Instant healed = Instant.now();
            net.heal();
            Instant done = during.plus(warm).awaitDelivered(pair, Duration.ofMinutes(4));
            OperatorTraffic.Count count = during.plus(warm).count(pair);
            Alarms alarms = Alarms.of(pair, start, healed, Duration.ofSeconds(60));
            FaultTable.add(new FaultTable.Row(
                    "full partition, both sides sending every precedence (" + RATE_PER_SIDE + "/s each)",
                    FaultTable.seconds(cut),
                    count,
                    alarms.raisedAfter(),
                    FaultTable.seconds(Duration.between(healed, done)) + " (all delivered after heal)",
                    alarms.notes() + "; refused by the API: " + during.refused()));
            assertThat(count.lost())
                    .as(() -> "lost" + pair.logTail("blue") + pair.logTail("red"))
                    .isZero();
            assertThat(count.duplicated()).as("duplicated").isZero();
            alarms.assertRaisedWithin(setupBound());
            alarms.assertCleared();
        }
    }

    @Test
    void asymmetricPartition_redToBlueDropped_noDuplicateAtRedAndBlueAlarms() throws Exception {
        Scenarios.assumeSelected("asymmetric");
        Duration cut = duration("partition", "PT40S");
        try (Netns net = Netns.create();
                FaultPair pair = FaultPair.start(net, root, setup(net, LINK_INTERVAL, LINK_TIMEOUT))) {
            Exchange warm = warmUp(pair);
            Instant start = Instant.now();
            net.dropOutgoing(net.red);
            Exchange during = Exchange.during(pair, "asym", cut, RATE_PER_SIDE);
            long storedWithoutReceipt = during.blue().stream()
                    .filter(s -> FaultPair.inbox(pair.redApi).stream()
                            .anyMatch(m -> m.path("id").asText().equals(s.id())))
                    .count();
            Instant healed = Instant.now();
            net.heal();
            Instant done = during.plus(warm).awaitDelivered(pair, Duration.ofMinutes(4));
            OperatorTraffic.Count count = during.plus(warm).count(pair);
            Alarms alarms = Alarms.of(pair, start, healed, Duration.ofSeconds(60));
            FaultTable.add(new FaultTable.Row(
                    "asymmetric partition: BLUE->RED passes, RED->BLUE dropped",
                    FaultTable.seconds(cut),
                    count,
                    alarms.raisedAfter(),
                    FaultTable.seconds(Duration.between(healed, done)) + " (all delivered after heal)",
                    storedWithoutReceipt + " BLUE envelopes stored at RED while their receipts were dropped; "
                            + alarms.notes()));
            assertThat(count.lost())
                    .as(() -> "lost" + pair.logTail("blue") + pair.logTail("red"))
                    .isZero();
            assertThat(count.duplicated()).as("duplicates at RED's operators").isZero();
            alarms.assertBlueRaisedWithin(setupBound());
        }
    }

    @Test
    void degradedLink_lossDelayAndTeletypeRate_flashArrivesAndP99Reported() throws Exception {
        Scenarios.assumeSelected("degraded");
        Duration length = duration("degraded", "PT30S");
        try (Netns net = Netns.create();
                Relays relays = Relays.start(net, 500, 200)) {
            // One 64 kbit/s link with 1 s of added round trip: link tests get room to answer.
            FaultPair.Setup setup = new FaultPair.Setup(
                    Duration.ofSeconds(10), Duration.ofSeconds(8), 3, relays.blueToRed(), relays.redToBlue());
            try (FaultPair pair = FaultPair.start(net, root, setup)) {
                Instant start = Instant.now();
                net.loss(30);
                net.rate(64);
                Exchange during = Exchange.during(pair, "slow", length, 1);
                Instant flashDone = during.flashOnly().awaitDelivered(pair, Duration.ofMinutes(5));
                Instant healed = Instant.now();
                net.heal();
                Instant done = during.awaitDelivered(pair, Duration.ofMinutes(4));
                OperatorTraffic.Count count = during.count(pair);
                Latency flash = during.latency(pair, "FLASH");
                Latency all = during.latency(pair, "");
                Alarms alarms = Alarms.of(pair, start, healed, Duration.ofSeconds(1));
                FaultTable.add(new FaultTable.Row(
                        "30 % loss, 500 ms ± 200 ms delay each way (userspace relay), 64 kbit/s (tbf)",
                        FaultTable.seconds(length),
                        count,
                        alarms.raisedAfter(),
                        "last FLASH " + FaultTable.seconds(Duration.between(start, flashDone)) + " after start; rest "
                                + FaultTable.seconds(Duration.between(healed, done)) + " after heal",
                        "FLASH " + flash + "; all " + all + "; " + alarms.notes()));
                assertThat(count.lost())
                        .as(() -> "lost" + pair.logTail("blue") + pair.logTail("red"))
                        .isZero();
                assertThat(count.duplicated()).as("duplicated").isZero();
                assertThat(flash.samples())
                        .as("every FLASH arrived under the fault")
                        .isEqualTo(during.flashOnly().size());
            }
        }
    }

    @Test
    void stalledFirstEndpoint_silentOrTrickling_failsOverToSecondWithinRequestTimeout() throws Exception {
        Scenarios.assumeSelected("stalled");
        Duration length = duration("stalled", "PT15S");
        try (Netns net = Netns.create()) {
            // Both variants run and print their rows before either is judged.
            double silent = stalled(net, "silent", Duration.ZERO, length);
            double trickle = stalled(net, "trickle", Duration.ofSeconds(10), length);
            assertThat(List.of(silent, trickle))
                    .as("the first FLASH failed over within the request timeout (silent, trickle), ms")
                    .allMatch(ms -> ms < REQUEST_TIMEOUT.plus(SLACK).toMillis());
        }
    }

    /** Runs one stalled-endpoint variant; returns the first FLASH's store-to-store latency in ms. */
    private double stalled(Netns net, String name, Duration byteEvery, Duration length) throws Exception {
        try (StalledPeer bad = new StalledPeer(net.hostAddress(net.blue), byteEvery)) {
            List<String> blueToRed = new ArrayList<>();
            blueToRed.add("https://" + net.hostAddress(net.blue) + ":" + bad.port());
            blueToRed.addAll(FaultPair.direct(net, net.red));
            FaultPair.Setup setup =
                    new FaultPair.Setup(LINK_INTERVAL, LINK_TIMEOUT, 3, blueToRed, FaultPair.direct(net, net.blue));
            try (FaultPair pair = FaultPair.start(net, root.resolve(name), setup)) {
                Instant start = Instant.now();
                Exchange during = Exchange.blueOnly(pair, name, length, RATE_PER_SIDE);
                Instant done = during.awaitDelivered(pair, Duration.ofMinutes(2));
                OperatorTraffic.Count count = during.count(pair);
                Latency flash = during.latency(pair, "FLASH");
                String what = byteEvery.isZero() ? "accepts TCP, never answers" : "answers one byte every 10 s";
                FaultTable.add(new FaultTable.Row(
                        "BLUE's first RED endpoint " + what + "; second endpoint healthy",
                        FaultTable.seconds(length),
                        count,
                        "n/a (no alarm expected)",
                        "first FLASH stored at RED " + FaultTable.seconds(Duration.ofMillis((long) flash.first()))
                                + " after it was sent; all " + FaultTable.seconds(Duration.between(start, done)),
                        "FLASH " + flash + "; " + bad.connections() + " connections to the stalled endpoint"));
                assertThat(bad.connections())
                        .as("BLUE tried the stalled endpoint")
                        .isPositive();
                assertThat(count.lost()).as(() -> "lost" + pair.logTail("blue")).isZero();
                assertThat(count.duplicated()).as("duplicated").isZero();
                return flash.first();
            }
        }
    }

    private static FaultPair.Setup setup(Netns net, Duration interval, Duration timeout) {
        return FaultPair.Setup.direct(net, interval, timeout);
    }

    /**
     * When the link alarm must be up after the wire is cut. A link test is one federation request
     * that waits at most linkTest.timeout (Federation.linkTest), and its miss is counted when it
     * returns: the k-th miss comes after about k * max(interval, timeout), plus up to one interval of
     * phase. Three misses raise the alarm (FaultPair.Setup uses 3). Before the link test had its own
     * deadline it waited the 10 s request timeout, and the alarm came after ~3 x 10 s.
     */
    private static Duration setupBound() {
        Duration step = LINK_INTERVAL.compareTo(LINK_TIMEOUT) > 0 ? LINK_INTERVAL : LINK_TIMEOUT;
        return step.multipliedBy(4).plus(LINK_TIMEOUT).plus(SLACK);
    }

    /** One FLASH each way before the fault: the wire works, the link is up. */
    private static Exchange warmUp(FaultPair pair) throws InterruptedException {
        Exchange warm = new Exchange(
                OperatorTraffic.sendOne(pair.blueApi, "warm-blue", "FLASH", "SAFETY").stream()
                        .toList(),
                OperatorTraffic.sendOne(pair.redApi, "warm-red", "FLASH", "SAFETY").stream()
                        .toList(),
                0);
        warm.awaitDelivered(pair, Duration.ofSeconds(30));
        assertThat(warm.count(pair).delivered())
                .as(() -> "warm-up over the healthy wire" + pair.logTail("blue"))
                .isEqualTo(2);
        return warm;
    }

    private static Duration duration(String name, String fallback) {
        return Duration.parse(System.getProperty("parley.faults." + name, fallback));
    }

    static String millis(double ms) {
        return String.format(Locale.ROOT, "%.0f ms", ms);
    }

    /** Delivery latency figures of one precedence (or all). */
    record Latency(int samples, double p50, double p99, double max, double first) {
        @Override
        public String toString() {
            return "n=" + samples + " p50 " + millis(p50) + " p99 " + millis(p99) + " max " + millis(max);
        }
    }

    /** The paired relays of the degraded scenario, each inside the receiving side's namespace. */
    record Relays(List<String> blueToRed, List<String> redToBlue, List<Process> processes) implements AutoCloseable {
        static final int PORT = 9443;

        static Relays start(Netns net, int meanMillis, int jitterMillis) throws IOException, InterruptedException {
            List<Process> ps = new ArrayList<>();
            for (String ns : List.of(net.blue, net.red)) {
                String java = ProcessHandle.current().info().command().orElse("java");
                String host = net.wireAddress(ns);
                ps.add(new ProcessBuilder(net.inside(
                                ns,
                                List.of(
                                        java,
                                        "-Xmx64m",
                                        "-cp",
                                        "target/test-classes",
                                        DelayProxy.class.getName(),
                                        host,
                                        String.valueOf(PORT),
                                        host,
                                        String.valueOf(FaultPair.FEDERATION_PORT),
                                        String.valueOf(meanMillis),
                                        String.valueOf(jitterMillis))))
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                        .start());
            }
            Thread.sleep(1000); // let them bind before the nodes dial
            return new Relays(
                    List.of("https://" + net.wireAddress(net.red) + ":" + PORT),
                    List.of("https://" + net.wireAddress(net.blue) + ":" + PORT),
                    ps);
        }

        @Override
        public void close() {
            processes.forEach(Process::destroyForcibly);
        }
    }
}
