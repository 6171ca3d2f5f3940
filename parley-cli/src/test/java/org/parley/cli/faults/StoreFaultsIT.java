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
import org.parley.cli.operator.OperatorClient;

/**
 * Issue 20, storage faults: BLUE's SQLite file on a small tmpfs that a filler file fills to the last
 * byte while both sides keep sending. BLUE must refuse new messages with a clear 507 and an alarm,
 * lose nothing it accepted, and accept again by itself once the filler is deleted. The nodes run in
 * the same namespaces as {@link NetworkFaultsIT} (the harness is shared), with a whole wire.
 */
class StoreFaultsIT {
    private static final String SCENARIOS = System.getProperty("parley.faults.scenarios", "partition");

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
        assumeTrue(SCENARIOS.equals("all") || List.of(SCENARIOS.split(",")).contains("diskfull"), "runs with -Pfaults");
        Duration full = Duration.parse(System.getProperty("parley.faults.diskfull", "PT20S"));
        try (Netns net = Netns.create();
                DiskFull disk = DiskFull.mount(root.resolve("blue-disk"), 16)) {
            FaultPair.Setup setup = new FaultPair.Setup(
                            Duration.ofSeconds(5),
                            Duration.ofSeconds(3),
                            3,
                            FaultPair.direct(net, net.red),
                            FaultPair.direct(net, net.blue))
                    .withBlueStore(disk.dir);
            try (FaultPair pair = FaultPair.start(net, root, setup)) {
                Instant start = Instant.now();
                long filled = disk.fill();
                Traffic blue = Traffic.start(pair.blueApi, "full-blue-", 4);
                Traffic red = Traffic.start(pair.redApi, "full-red-", 4);
                Optional<Instant> firstRefusal = awaitRefusal(blue, Duration.ofSeconds(90));
                Thread.sleep(full);
                OperatorClient.ApiException refused = catchThrowableOfType(
                        OperatorClient.ApiException.class,
                        () -> pair.blueApi.post("api/v1/messages", body("full-probe")));
                Instant freed = Instant.now();
                disk.free();
                Thread.sleep(Duration.ofSeconds(10));
                blue.stop();
                red.stop();
                Exchange all = new Exchange(blue.sent(), red.sent(), blue.refused() + red.refused());
                Instant done = all.awaitDelivered(pair, Duration.ofMinutes(3));
                Traffic.Count count = all.count(pair);
                Optional<Instant> alarm = Alarms.first(pair.blueApi, "STORE_UNWRITABLE", start);
                Optional<Instant> cleared = Alarms.first(pair.blueApi, "STORE_WRITABLE", freed);
                Optional<Instant> acceptedAgain = blue.sent().stream()
                        .map(Traffic.Sent::at)
                        .filter(t -> t.isAfter(freed))
                        .min(Instant::compareTo);
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

    private static Optional<Instant> awaitRefusal(Traffic blue, Duration timeout) throws InterruptedException {
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
