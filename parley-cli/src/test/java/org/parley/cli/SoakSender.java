package org.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.parley.cli.operator.OperatorClient;

/**
 * One side's operators for SoakIT: sends at a steady rate through the node's API in a hotline's
 * mix (of every 20: 1 FLASH, 3 IMMEDIATE, 6 PRIORITY, 10 ROUTINE; the category turns every 20, so
 * every precedence meets every category), each text unique, and once a second acknowledges the
 * newest unacknowledged message in its own inbox, as a duty officer would.
 */
final class SoakSender {
    private static final List<String> MIX = mix();
    private static final List<String> CATEGORIES = List.of("SAFETY", "DIALOGUE", "NOTICE", "ROUTINE");

    private final OperatorClient api;
    private final OperatorTraffic traffic;
    private final AtomicInteger acked = new AtomicInteger();

    /**
     * {@code lanes} threads share {@code perSecond}, each on its own schedule, so one slow answer
     * from a loaded node does not hold the whole side's rate back (as several operators would).
     * Lane 0 acknowledges after every fifth of its sends.
     */
    SoakSender(OperatorClient api, String prefix, int perSecond, int lanes) {
        this.api = api;
        this.traffic = OperatorTraffic.start(
                api,
                prefix,
                SoakSender::message,
                lanes,
                Duration.ofNanos(1_000_000_000L * lanes / perSecond),
                "soak-" + prefix,
                (lane, round) -> {
                    if (lane == 0 && round % 5 == 4) {
                        ackNewest();
                    }
                });
    }

    private static OperatorTraffic.Message message(int i) {
        return new OperatorTraffic.Message(
                MIX.get(i % MIX.size()), CATEGORIES.get((i / MIX.size()) % CATEGORIES.size()));
    }

    private static List<String> mix() {
        List<String> out = new ArrayList<>(List.of("FLASH"));
        out.addAll(Collections.nCopies(3, "IMMEDIATE"));
        out.addAll(Collections.nCopies(6, "PRIORITY"));
        out.addAll(Collections.nCopies(10, "ROUTINE"));
        return List.copyOf(out);
    }

    private void ackNewest() {
        try {
            for (JsonNode m : api.get("api/v1/inbox?limit=20").path("messages")) {
                if (!m.has("acknowledgedBy")) {
                    api.post(
                            "api/v1/messages/" + m.path("id").asText() + "/ack",
                            OperatorClient.json().createObjectNode());
                    acked.incrementAndGet();
                    return;
                }
            }
        } catch (OperatorClient.ApiException e) {
            // acknowledged meanwhile, or the API is slow: the next second tries again
        }
    }

    /** Stops sending and waits for the last request. */
    void stop() throws InterruptedException {
        traffic.stop();
    }

    List<OperatorTraffic.Sent> sent() {
        return traffic.sent();
    }

    /** The accepted envelopes sent in [from, to). */
    List<OperatorTraffic.Sent> sentBetween(java.time.Instant from, java.time.Instant to) {
        return traffic.sentBetween(from, to);
    }

    int refused() {
        return traffic.refused();
    }

    int acked() {
        return acked.get();
    }
}
