package org.parley.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.cli.OperatorTraffic;
import org.parley.cli.operator.OperatorClient;

/**
 * Issue 20, storage faults: BLUE's SQLite file on a small tmpfs that a filler file fills to the last
 * byte while both sides keep sending. BLUE must refuse new messages with a clear 507 and an alarm,
 * lose nothing it accepted, and accept again by itself once the filler is deleted. The nodes run in
 * the same namespaces as {@link NetworkFaultsIT} (the harness is shared), with a whole wire.
 */
class StoreFaultsIT {
    @TempDir
    Path root;

    @BeforeAll
    static void namespacesPermitted() {
        String reason = Netns.unavailableReason();
        assumeTrue(reason.isEmpty(), () -> "store fault suite skipped: " + reason + " (it needs root and ip netns)");
    }

    @AfterAll
    static void printTable() {
        FaultTable.print();
    }

    @Test
    void diskFull_blueStore_refusesWith507AndAlarmLosesNothingAndRecoversAlone() throws Exception {
        Scenarios.assumeSelected("diskfull");
        Duration full = Duration.parse(System.getProperty("parley.faults.diskfull", "PT20S"));
        try (Netns net = Netns.create();
                DiskFull disk = DiskFull.mount(root.resolve("blue-disk"), 16)) {
            FaultPair.Setup setup = FaultPair.Setup.direct(net, Duration.ofSeconds(5), Duration.ofSeconds(3))
                    .withBlueStore(disk.dir);
            try (FaultPair pair = FaultPair.start(net, root, setup)) {
                Instant start = Instant.now();
                long filled = disk.fill();
                OperatorTraffic blue = Traffic.start(pair.blueApi, "full-blue-", 4);
                OperatorTraffic red = Traffic.start(pair.redApi, "full-red-", 4);
                Optional<Instant> firstRefusal = awaitRefusal(blue, Duration.ofSeconds(90));
                Thread.sleep(full);
                OperatorClient.ApiException refused = refusal(pair, "full-probe");
                Instant freed = Instant.now();
                disk.free();
                Thread.sleep(Duration.ofSeconds(10));
                Exchange all = Exchange.stop(blue, red);
                Instant done = all.awaitDelivered(pair, Duration.ofMinutes(3));
                OperatorTraffic.Count count = all.count(pair);
                Optional<Instant> alarm = Alarms.first(pair.blueApi, "STORE_UNWRITABLE", start);
                Optional<Instant> cleared = Alarms.first(pair.blueApi, "STORE_WRITABLE", freed);
                Optional<Instant> acceptedAgain = firstAfter(blue, freed);
                FaultTable.add(new FaultTable.Row(
                        "BLUE's store disk full (16 MiB tmpfs filled by a file), both sides sending 4/s",
                        FaultTable.seconds(Duration.between(start, freed)),
                        count,
                        alarm.map(t -> "STORE_UNWRITABLE " + FaultTable.seconds(Duration.between(start, t)))
                                .orElse("none"),
                        acceptedAgain
                                        .map(t -> "accepts again " + FaultTable.seconds(Duration.between(freed, t)))
                                        .orElse("never")
                                + " after space returned; all delivered "
                                + FaultTable.seconds(Duration.between(freed, done)),
                        "first refusal "
                                + firstRefusal
                                        .map(t -> FaultTable.seconds(Duration.between(start, t)))
                                        .orElse("never") + " after the disk filled (" + filled / 1024 + " KiB filler); "
                                + all.refused() + " sends refused with "
                                + (refused == null ? "no error" : refused.status)
                                + "; STORE_WRITABLE "
                                + cleared.map(t -> FaultTable.seconds(Duration.between(freed, t)))
                                        .orElse("none") + " after space returned"));
                assertThat(refused)
                        .as("a send while the disk is full is refused")
                        .isNotNull();
                assertThat(refused.status).isEqualTo(507);
                assertThat(refused.getMessage()).contains("disk", "full", "NOT accepted");
                assertThat(alarm).as("STORE_UNWRITABLE alarm").isPresent();
                assertThat(acceptedAgain).as("BLUE accepts again by itself").isPresent();
                assertThat(cleared).as("STORE_WRITABLE alarm").isPresent();
                assertThat(count.lost()).as(() -> "lost" + pair.logTail("blue")).isZero();
                assertThat(count.duplicated()).as("duplicated").isZero();
            }
        }
    }

    @Test
    void readOnly_blueStoreFilesystemErrorRemountsRo_refusesWith507AndAlarmLosesNothingRecoversAfterRepair()
            throws Exception {
        Scenarios.assumeSelected("readonly");
        String why = ReadOnlyFs.unavailableReason();
        assumeTrue(why.isEmpty(), () -> "readonly skipped: " + why);
        Duration readOnly = Duration.parse(System.getProperty("parley.faults.readonly", "PT20S"));
        try (Netns net = Netns.create();
                ReadOnlyFs fs = ReadOnlyFs.create(root.resolve("blue-ro"), root.resolve("blue-ro.img"), 64)) {
            FaultPair.Setup setup = FaultPair.Setup.direct(net, Duration.ofSeconds(5), Duration.ofSeconds(3))
                    .withBlueStore(fs.dir);
            try (FaultPair pair = FaultPair.start(net, root, setup)) {
                OperatorTraffic blue = Traffic.start(pair.blueApi, "ro-blue-", 4);
                OperatorTraffic red = Traffic.start(pair.redApi, "ro-red-", 4);
                Thread.sleep(Duration.ofSeconds(5));
                Instant start = Instant.now();
                fs.fail();
                String options = fs.options();
                Optional<Instant> firstRefusal = awaitRefusal(blue, Duration.ofSeconds(60));
                Thread.sleep(readOnly);
                OperatorClient.ApiException refused = refusal(pair, "ro-probe");
                // Alarms live in the node's memory: read them before the restart the repair needs.
                Optional<Instant> alarm = Alarms.first(pair.blueApi, "STORE_UNWRITABLE", start);
                int refusedBeforeRepair = blue.refused();
                Instant repair = Instant.now();
                pair.stop("blue");
                fs.repair();
                String repaired = fs.options();
                pair.restart("blue");
                Instant back = Instant.now();
                Thread.sleep(Duration.ofSeconds(10));
                Exchange all = Exchange.stop(blue, red);
                Instant done = all.awaitDelivered(pair, Duration.ofMinutes(3));
                OperatorTraffic.Count count = all.count(pair);
                Optional<Instant> acceptedAgain = firstAfter(blue, repair);
                FaultTable.add(new FaultTable.Row(
                        "BLUE's store filesystem (64 MiB loop ext4, errors=remount-ro) taken read-only by an ext4"
                                + " error under the running node, both sides sending 4/s",
                        FaultTable.seconds(Duration.between(start, repair)),
                        count,
                        alarm.map(t -> "STORE_UNWRITABLE " + FaultTable.seconds(Duration.between(start, t)))
                                .orElse("none"),
                        "BLUE stopped, umount + e2fsck + mount, BLUE started: "
                                + FaultTable.seconds(Duration.between(repair, back)) + "; accepts again "
                                + acceptedAgain
                                        .map(t -> FaultTable.seconds(Duration.between(repair, t)))
                                        .orElse("never")
                                + " after the repair began; all delivered "
                                + FaultTable.seconds(Duration.between(back, done)) + " after BLUE was back",
                        "mount options after the error: " + options + ", after the repair: " + repaired
                                + "; first refusal "
                                + firstRefusal
                                        .map(t -> FaultTable.seconds(Duration.between(start, t)))
                                        .orElse("never") + "; " + refusedBeforeRepair + " BLUE sends refused while"
                                + " read-only, " + all.refused() + " in all (with the restart); probe answered "
                                + (refused == null
                                        ? "no error"
                                        : refused.status + " \"" + refused.getMessage() + "\"")));
                assertThat(refused)
                        .as("a send while the store is read-only is refused")
                        .isNotNull();
                assertThat(refused.status).as(refused::getMessage).isEqualTo(507);
                assertThat(refused.getMessage()).contains("NOT accepted");
                assertThat(alarm).as("STORE_UNWRITABLE alarm").isPresent();
                assertThat(acceptedAgain)
                        .as("BLUE accepts again after the repair")
                        .isPresent();
                assertThat(count.lost()).as(() -> "lost" + pair.logTail("blue")).isZero();
                assertThat(count.duplicated()).as("duplicated").isZero();
            }
        }
    }

    @Test
    void pgRestart_bothNodesOnPostgres_noLossNoDuplicateAndBothAcceptAgain() throws Exception {
        Scenarios.assumeSelected("pgrestart");
        String why = PgServer.unavailableReason();
        assumeTrue(why.isEmpty(), () -> "pgrestart skipped: " + why);
        // The server is shared with every other test on this machine: the outage stays short.
        Duration asked = Duration.parse(System.getProperty("parley.faults.pgoutage", "PT10S"));
        Duration outage = asked.compareTo(Duration.ofSeconds(15)) > 0 ? Duration.ofSeconds(15) : asked;
        try (Netns net = Netns.create();
                PgServer pg = PgServer.open(net)) {
            try (FaultPair pair = FaultPair.start(net, root, onPostgres(net, pg))) {
                OperatorTraffic blue = Traffic.start(pair.blueApi, "pg-blue-", 4);
                OperatorTraffic red = Traffic.start(pair.redApi, "pg-red-", 4);
                Thread.sleep(Duration.ofSeconds(5));
                Instant start = Instant.now();
                pg.stop();
                Instant stopped = Instant.now();
                // A send during the outage, on its own thread: it may wait longer than the outage may last.
                java.util.concurrent.CompletableFuture<String> probe = new java.util.concurrent.CompletableFuture<>();
                Thread.ofPlatform().start(() -> probe.complete(probe(pair)));
                Thread.sleep(outage);
                pg.start();
                Instant up = Instant.now();
                Thread.sleep(Duration.ofSeconds(15));
                Exchange all = Exchange.stop(blue, red);
                Instant done = all.awaitDelivered(pair, Duration.ofMinutes(3));
                OperatorTraffic.Count count = all.count(pair);
                Optional<Instant> blueAgain = firstAfter(blue, up);
                Optional<Instant> redAgain = firstAfter(red, up);
                FaultTable.add(new FaultTable.Row(
                        "PostgreSQL (both nodes' store) stopped and started with pg_ctlcluster, both sides"
                                + " sending 4/s",
                        FaultTable.seconds(Duration.between(start, up)) + " down (stop "
                                + FaultTable.seconds(Duration.between(start, stopped)) + ")",
                        count,
                        "BLUE " + Alarms.kinds(pair.blueApi, start) + ", RED " + Alarms.kinds(pair.redApi, start),
                        "accepts again BLUE " + since(blueAgain, up) + ", RED " + since(redAgain, up)
                                + " after the start; all delivered " + FaultTable.seconds(Duration.between(up, done))
                                + " after the start",
                        all.refused() + " sends refused; probe during the outage answered "
                                + probe.get(60, java.util.concurrent.TimeUnit.SECONDS)));
                assertThat(count.lost())
                        .as(() -> "lost" + pair.logTail("blue") + pair.logTail("red"))
                        .isZero();
                assertThat(count.duplicated()).as("duplicated").isZero();
                assertThat(List.of(blueAgain, redAgain))
                        .as("both accept again after the restart")
                        .allMatch(Optional::isPresent);
            }
        }
    }

    /**
     * PostgreSQL out of both nodes' reach for a minute (the relays to it killed; the server itself
     * runs on for this machine's other clients). Each node must answer sends within a few seconds
     * with 503 (nothing accepted), raise STORE_UNREACHABLE within 5 s and STORE_REACHABLE when the
     * server answers, and lose nothing: its delivery loops resume by themselves.
     */
    @Test
    void pgDown_bothNodesCutOffPostgres_503PromptlyAlarmsAndNothingLost() throws Exception {
        Scenarios.assumeSelected("pgdown");
        String why = PgServer.serverMissingReason();
        assumeTrue(why.isEmpty(), () -> "pgdown skipped: " + why);
        Duration outage = Duration.parse(System.getProperty("parley.faults.pgdown", "PT60S"));
        try (Netns net = Netns.create();
                PgServer pg = PgServer.open(net)) {
            try (FaultPair pair = FaultPair.start(net, root, onPostgres(net, pg))) {
                OperatorTraffic blue = Traffic.start(pair.blueApi, "pgdown-blue-", 4);
                OperatorTraffic red = Traffic.start(pair.redApi, "pgdown-red-", 4);
                Thread.sleep(Duration.ofSeconds(5));
                Instant start = Instant.now();
                pg.cut();
                Thread.sleep(Duration.ofSeconds(1));
                String probe = probe(pair);
                Thread.sleep(outage.minus(Duration.between(start, Instant.now())));
                Instant up = Instant.now();
                pg.restore(net);
                Thread.sleep(Duration.ofSeconds(15));
                blue.stop();
                red.stop();
                Exchange all = new Exchange(blue.sent(), red.sent(), blue.refused() + red.refused());
                Instant done = all.awaitDelivered(pair, Duration.ofMinutes(3));
                OperatorTraffic.Count count = all.count(pair);
                Optional<Instant> blueDown = Alarms.first(pair.blueApi, "STORE_UNREACHABLE", start);
                Optional<Instant> redDown = Alarms.first(pair.redApi, "STORE_UNREACHABLE", start);
                Optional<Instant> blueUp = Alarms.first(pair.blueApi, "STORE_REACHABLE", up);
                Optional<Instant> redUp = Alarms.first(pair.redApi, "STORE_REACHABLE", up);
                FaultTable.add(new FaultTable.Row(
                        "PostgreSQL (both nodes' store) cut off from both nodes (relays killed; the server runs"
                                + " on), both sides sending 4/s",
                        FaultTable.seconds(Duration.between(start, up)),
                        count,
                        "STORE_UNREACHABLE BLUE " + since(blueDown, start) + ", RED " + since(redDown, start),
                        "STORE_REACHABLE BLUE " + since(blueUp, up) + ", RED " + since(redUp, up) + " after the"
                                + " restore; accepts again BLUE " + since(firstAfter(blue, up), up) + ", RED "
                                + since(firstAfter(red, up), up) + "; all delivered "
                                + FaultTable.seconds(Duration.between(up, done)) + " after the restore",
                        all.refused() + " sends refused; probe 1 s into the outage answered " + probe + "; alarms BLUE "
                                + Alarms.kinds(pair.blueApi, start) + ", RED " + Alarms.kinds(pair.redApi, start)));
                assertThat(count.lost())
                        .as(() -> "lost" + pair.logTail("blue") + pair.logTail("red"))
                        .isZero();
                assertThat(count.duplicated()).as("duplicated").isZero();
                assertThat(probe).startsWith("503");
                assertThat(List.of(blueDown, redDown, blueUp, redUp))
                        .as("STORE_UNREACHABLE and STORE_REACHABLE on both nodes")
                        .allMatch(Optional::isPresent);
                assertThat(Duration.between(start, blueDown.orElseThrow()))
                        .as("BLUE's STORE_UNREACHABLE delay")
                        .isLessThanOrEqualTo(Duration.ofSeconds(5));
            }
        }
    }

    /** Sends one FLASH to BLUE and says how the node answered, and after how long. */
    private static String probe(FaultPair pair) {
        Instant sent = Instant.now();
        OperatorClient.ApiException e = refusal(pair, "pg-probe");
        String after = " after " + FaultTable.seconds(Duration.between(sent, Instant.now()));
        return e == null ? "201 (accepted)" + after : e.status + " \"" + e.getMessage() + "\"" + after;
    }

    /** Sends one FLASH to BLUE; how the API refused it, or null when it was accepted. */
    private static OperatorClient.ApiException refusal(FaultPair pair, String text) {
        return catchThrowableOfType(
                OperatorClient.ApiException.class, () -> pair.blueApi.post("api/v1/messages", body(text)));
    }

    /** Both nodes direct to each other, each on a fresh schema of {@code pg} (reached through its relays). */
    private static FaultPair.Setup onPostgres(Netns net, PgServer pg) {
        String suffix = Long.toHexString(new java.security.SecureRandom().nextLong() & 0xffffffL);
        return FaultPair.Setup.direct(net, Duration.ofSeconds(5), Duration.ofSeconds(3))
                .withStores(java.util.Map.of(
                        "blue", pg.storeYaml(net, net.blue, "faults_blue_" + suffix),
                        "red", pg.storeYaml(net, net.red, "faults_red_" + suffix)));
    }

    private static Optional<Instant> firstAfter(OperatorTraffic traffic, Instant after) {
        return traffic.sent().stream()
                .map(OperatorTraffic.Sent::at)
                .filter(t -> t.isAfter(after))
                .min(Instant::compareTo);
    }

    private static String since(Optional<Instant> at, Instant from) {
        return at.map(t -> FaultTable.seconds(Duration.between(from, t))).orElse("never");
    }

    private static Optional<Instant> awaitRefusal(OperatorTraffic blue, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (blue.refused() > 0) {
                return Optional.of(Instant.now());
            }
            Thread.sleep(100);
        }
        return Optional.empty();
    }

    private static com.fasterxml.jackson.databind.JsonNode body(String text) {
        return OperatorClient.json()
                .createObjectNode()
                .put("precedence", "FLASH")
                .put("category", "SAFETY")
                .put("text", text);
    }
}
