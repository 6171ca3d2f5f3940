package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.cli.operator.OperatorClient;

/**
 * Issue 20, "recovery is prompt": RED is down for 12 s while BLUE queues FLASH and ROUTINE messages
 * (each failed attempt backs off); when RED is back, every FLASH is in its inbox within 5 s. Before
 * the per-precedence retry caps and the retry on contact, the backoff had grown to up to 25 s by
 * then and the FLASH arrived 15 s after the peer's return.
 */
class RecoveryIT {
    private static final Duration OUTAGE = Duration.ofSeconds(12);
    private static final Duration FLASH_BUDGET = Duration.ofSeconds(5);

    @TempDir
    Path root;

    @Test
    void peerBackAfterOutage_pendingFlash_storedAtPeerWithinFiveSeconds() throws Exception {
        try (TwoNodes nodes = new TwoNodes(root, InstantSource.system(), "PT30M")) {
            OperatorClient blue = nodes.client(nodes.blue, TwoNodes.BLUE_OFFICER);
            String first = send(blue, "FLASH", "SAFETY", "before the outage");
            awaitInInbox(nodes, Set.of(first), Duration.ofSeconds(30));

            nodes.stopRed();
            long down = System.nanoTime();
            List<String> flash = new ArrayList<>();
            List<String> routine = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                flash.add(send(blue, "FLASH", "SAFETY", "flash during the outage " + i));
                for (int j = 0; j < 4; j++) {
                    routine.add(send(blue, "ROUTINE", "ROUTINE", "routine during the outage " + i + "." + j));
                }
            }
            Thread.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - down) / 1_000_000));

            nodes.startRed(); // returns once RED's federation endpoint listens: the peer is back
            long back = System.nanoTime();
            Duration flashIn = awaitInInbox(nodes, Set.copyOf(flash), Duration.ofSeconds(40));
            awaitInInbox(nodes, Set.copyOf(routine), Duration.ofSeconds(40));
            System.out.printf(
                    "RecoveryIT: after a %d s outage, 5 FLASH stored at RED %d ms and 20 ROUTINE %d ms after its"
                            + " return%n",
                    OUTAGE.toSeconds(), flashIn.toMillis(), (System.nanoTime() - back) / 1_000_000);
            assertThat(flashIn)
                    .as("every FLASH stored at the peer after its return")
                    .isLessThan(FLASH_BUDGET);
        }
    }

    private static String send(OperatorClient api, String precedence, String category, String text) {
        ObjectNode body = OperatorClient.json().createObjectNode();
        body.put("precedence", precedence).put("category", category).put("text", text);
        return api.post("api/v1/messages", body).path("id").asText();
    }

    /** Polls RED's inbox until it holds every id; returns how long that took (fails after {@code limit}). */
    private static Duration awaitInInbox(TwoNodes nodes, Set<String> ids, Duration limit) throws InterruptedException {
        OperatorClient red = nodes.client(nodes.red, TwoNodes.RED_OFFICER);
        long start = System.nanoTime();
        while (System.nanoTime() - start < limit.toNanos()) {
            if (inbox(red).containsAll(ids)) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(50);
        }
        Set<String> missing =
                ids.stream().filter(id -> !inbox(red).contains(id)).collect(Collectors.toSet());
        throw new AssertionError("not in RED's inbox after " + limit.toSeconds() + " s: " + missing);
    }

    private static Set<String> inbox(OperatorClient red) {
        JsonNode list = red.get("api/v1/inbox?limit=1000");
        return StreamSupport.stream(list.path("messages").spliterator(), false)
                .map(m -> m.path("id").asText())
                .collect(Collectors.toSet());
    }
}
