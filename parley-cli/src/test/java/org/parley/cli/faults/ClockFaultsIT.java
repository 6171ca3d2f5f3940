package org.parley.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.cli.OperatorTraffic;
import org.parley.cli.operator.OperatorClient;

/**
 * Issue 20, the clock stepped on one node: RED's node process runs under libfaketime (LD_PRELOAD,
 * Debian's {@code libfaketime}), whose offset file the test rewrites mid-stream: RED's wall clock
 * jumps an hour ahead, then an hour behind, then back, while both sides keep sending. The JVM reads
 * the wall clock through libc's {@code clock_gettime(CLOCK_REALTIME)}, which libfaketime answers;
 * {@code FAKETIME_DONT_FAKE_MONOTONIC=1} leaves {@code System.nanoTime} (timeouts, backoff) true,
 * and {@code FAKETIME_FORCE_MONOTONIC_FIX=0} turns off the workaround that libfaketime 0.9.10 enables
 * by itself on this glibc: with it, the JVM's timed waits ({@code Object.wait}, {@code parkNanos})
 * returned at once and {@code System.nanoTime} stood still, and the first run's RED node froze.
 * That RED's JVM saw each step is read back from the {@code created} time RED put on its envelopes.
 */
class ClockFaultsIT {
    static final Path FAKETIME = Path.of("/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1");

    @TempDir
    Path root;

    @BeforeAll
    static void namespacesPermitted() {
        String reason = Netns.unavailableReason();
        assumeTrue(reason.isEmpty(), () -> "clock fault suite skipped: " + reason + " (it needs root and ip netns)");
    }

    @AfterAll
    static void printTable() {
        FaultTable.print();
    }

    /** One stretch of the run: RED's clock offset then, and what both sides sent during it. */
    private record Phase(String name, String offset, Exchange sent, String linkOffsets) {}

    @Test
    void clockStep_redOneHourAheadThenBehind_deliveryExactlyOnceAndReceiptsVerified() throws Exception {
        Scenarios.assumeSelected("clockstep");
        assumeTrue(
                Files.isReadable(FAKETIME),
                () -> "clockstep skipped: " + FAKETIME + " is missing (apt-get install libfaketime)");
        Duration step = Duration.parse(System.getProperty("parley.faults.clockstep", "PT30S"));
        Path offsetFile = root.resolve("red.faketime");
        Files.writeString(offsetFile, "+0\n");
        try (Netns net = Netns.create()) {
            FaultPair.Setup setup = FaultPair.Setup.direct(net, Duration.ofSeconds(5), Duration.ofSeconds(3))
                    .withPrefix(
                            "red",
                            List.of(
                                    "env",
                                    "LD_PRELOAD=" + FAKETIME,
                                    "FAKETIME_TIMESTAMP_FILE=" + offsetFile,
                                    "FAKETIME_CACHE_DURATION=1",
                                    "FAKETIME_DONT_FAKE_MONOTONIC=1",
                                    "FAKETIME_FORCE_MONOTONIC_FIX=0"));
            // Keys issued at the test's start, the hardest case: RED's clock then goes back an hour, to
            // before its key was made. (The first run of this scenario found BLUE refusing every such
            // envelope with CERTIFICATE_NOT_YET_VALID, for good; certificates are now valid from a
            // day before they are made.)
            try (FaultPair pair = FaultPair.start(net, root, setup)) {
                Phase before = phase(pair, offsetFile, "before", "+0", Duration.ofSeconds(10));
                Instant start = Instant.now();
                Phase ahead = phase(pair, offsetFile, "ahead", "+1h", step);
                Instant behindFrom = Instant.now();
                Phase behind = phase(pair, offsetFile, "behind", "-1h", step);
                Files.writeString(offsetFile, "+0\n");
                Instant healed = Instant.now();
                Phase after = phase(pair, offsetFile, "after", "+0", Duration.ofSeconds(10));
                List<Phase> phases = List.of(before, ahead, behind, after);
                Exchange all =
                        before.sent().plus(ahead.sent()).plus(behind.sent()).plus(after.sent());
                Instant done = all.awaitDelivered(pair, Duration.ofMinutes(2));
                OperatorTraffic.Count count = all.count(pair);
                Map<String, JsonNode> redOutbox = outbox(pair.redApi);
                Map<String, JsonNode> blueOutbox = outbox(pair.blueApi);
                StringBuilder notes = new StringBuilder();
                for (Phase p : phases) {
                    notes.append(p.name())
                            .append(" (RED ")
                            .append(p.offset())
                            .append("): RED stamped ")
                            .append(stamped(p.sent().red(), redOutbox))
                            .append("; BLUE->RED ")
                            .append(OperatorTraffic.Count.of(p.sent().blue(), FaultPair.inbox(pair.redApi)))
                            .append(", RED->BLUE ")
                            .append(OperatorTraffic.Count.of(p.sent().red(), FaultPair.inbox(pair.blueApi)))
                            .append(", sender status BLUE ")
                            .append(statuses(p.sent().blue(), blueOutbox))
                            .append(" RED ")
                            .append(statuses(p.sent().red(), redOutbox))
                            .append("; link offsets at the end: ")
                            .append(p.linkOffsets())
                            .append(". ");
                }
                notes.append("RED's last delivery errors: ")
                        .append(lastErrors(redOutbox))
                        .append("; BLUE's: ")
                        .append(lastErrors(blueOutbox));
                FaultTable.add(new FaultTable.Row(
                        "RED's clock stepped +1 h, then to -1 h, then back (libfaketime under RED's JVM), both"
                                + " sides sending 4/s",
                        FaultTable.seconds(Duration.between(start, healed)),
                        count,
                        "BLUE " + Alarms.kinds(pair.blueApi, start) + ", RED " + Alarms.kinds(pair.redApi, start),
                        FaultTable.seconds(Duration.between(healed, done)) + " after the clock came back"
                                + (count.lost() == 0
                                        ? " (all delivered)"
                                        : " (" + count.lost() + " still undelivered)"),
                        notes.toString()));
                assertThat(count.duplicated()).as("duplicated").isZero();
                assertThat(count.lost())
                        .as(() -> "lost; " + notes + pair.logTail("red") + pair.logTail("blue"))
                        .isZero();
                // Each side's link tests saw the other's clock an hour behind once: RED saw BLUE's
                // while RED ran an hour ahead, BLUE saw RED's while RED ran an hour behind.
                assertThat(Alarms.first(pair.redApi, "PEER_CLOCK_BEHIND", start))
                        .as("RED's PEER_CLOCK_BEHIND while its clock was an hour ahead")
                        .isPresent();
                assertThat(Alarms.first(pair.blueApi, "PEER_CLOCK_BEHIND", behindFrom))
                        .as("BLUE's PEER_CLOCK_BEHIND while RED's clock was an hour behind")
                        .isPresent();
            }
        }
    }

    private static Phase phase(FaultPair pair, Path offsetFile, String name, String offset, Duration length)
            throws IOException, InterruptedException {
        Files.writeString(offsetFile, offset + "\n");
        Exchange sent = Exchange.during(pair, "clock-" + name, length, 4);
        return new Phase(
                name,
                offset,
                sent,
                "BLUE sees RED " + linkOffset(pair.blueApi) + ", RED sees BLUE " + linkOffset(pair.redApi));
    }

    private static String linkOffset(OperatorClient api) {
        JsonNode link = api.get("api/v1/link");
        return link.has("peerClockOffsetMillis")
                ? String.format(
                        java.util.Locale.ROOT,
                        "%+.1f s",
                        link.path("peerClockOffsetMillis").asDouble() / 1000)
                : "no offset";
    }

    private static Map<String, JsonNode> outbox(OperatorClient api) {
        Map<String, JsonNode> out = new HashMap<>();
        api.get("api/v1/outbox?limit=10000")
                .path("messages")
                .forEach(m -> out.put(m.path("id").asText(), m));
        return out;
    }

    /** How far RED's created stamps lay from the true time each envelope was accepted: min..max. */
    private static String stamped(List<OperatorTraffic.Sent> sent, Map<String, JsonNode> outbox) {
        List<Long> skews = sent.stream()
                .filter(s -> outbox.containsKey(s.id()))
                .map(s -> Duration.between(
                                s.at(),
                                Instant.parse(outbox.get(s.id()).path("created").asText()))
                        .toSeconds())
                .sorted()
                .toList();
        return skews.isEmpty()
                ? "nothing"
                : "created " + skews.get(0) + ".." + skews.get(skews.size() - 1) + " s off the true time";
    }

    private static String statuses(List<OperatorTraffic.Sent> sent, Map<String, JsonNode> outbox) {
        TreeMap<String, Integer> counts = new TreeMap<>();
        sent.forEach(s -> counts.merge(
                outbox.containsKey(s.id()) ? outbox.get(s.id()).path("status").asText() : "MISSING", 1, Integer::sum));
        return counts.toString();
    }

    private static String lastErrors(Map<String, JsonNode> outbox) {
        TreeMap<String, Integer> counts = new TreeMap<>();
        outbox.values().stream()
                .map(m -> m.path("delivery").path("lastError").asText(""))
                .filter(e -> !e.isEmpty())
                .forEach(e -> counts.merge(
                        e.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<id>")
                                .replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z", "<time>"),
                        1,
                        Integer::sum));
        return counts.isEmpty() ? "none" : counts.toString();
    }
}
