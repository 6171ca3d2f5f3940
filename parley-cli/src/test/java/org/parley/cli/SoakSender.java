package org.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
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

    /** An envelope the node's API accepted (201). */
    record Sent(String id, String text, String precedence, Instant at) {}

    private final OperatorClient api;
    private final String prefix;
    private final long everyNanos;
    private final List<Sent> sent = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger acked = new AtomicInteger();
    private final AtomicBoolean going = new AtomicBoolean(true);
    private final int lanes;
    private final List<Thread> threads = new ArrayList<>();

    /**
     * {@code lanes} threads share {@code perSecond}, each on its own schedule, so one slow answer
     * from a loaded node does not hold the whole side's rate back (as several operators would).
     */
    SoakSender(OperatorClient api, String prefix, int perSecond, int lanes) {
        this.api = api;
        this.prefix = prefix;
        this.lanes = lanes;
        this.everyNanos = 1_000_000_000L * lanes / perSecond;
        for (int lane = 0; lane < lanes; lane++) {
            int first = lane;
            threads.add(Thread.ofPlatform().name("soak-" + prefix + lane).start(() -> loop(first)));
        }
    }

    private static List<String> mix() {
        List<String> out = new ArrayList<>(List.of("FLASH"));
        out.addAll(java.util.Collections.nCopies(3, "IMMEDIATE"));
        out.addAll(java.util.Collections.nCopies(6, "PRIORITY"));
        out.addAll(java.util.Collections.nCopies(10, "ROUTINE"));
        return List.copyOf(out);
    }

    private void loop(int first) {
        long next = System.nanoTime() + everyNanos * first / lanes;
        for (int i = first; going.get(); i += lanes) {
            send(i);
            if (first == 0 && (i / lanes) % 5 == 4) {
                ackNewest();
            }
            next += everyNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(Duration.ofNanos(wait));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void send(int i) {
        String precedence = MIX.get(i % MIX.size());
        String category = CATEGORIES.get((i / MIX.size()) % CATEGORIES.size());
        String text = prefix + i;
        ObjectNode body = OperatorClient.json().createObjectNode();
        body.put("precedence", precedence).put("category", category).put("text", text);
        try {
            String id = api.post("api/v1/messages", body).path("id").asText();
            sent.add(new Sent(id, text, precedence, Instant.now()));
        } catch (OperatorClient.ApiException e) {
            refused.incrementAndGet();
        }
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
        going.set(false);
        for (Thread t : threads) {
            t.join();
        }
    }

    List<Sent> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    /** The accepted envelopes sent in [from, to). */
    List<Sent> sentBetween(Instant from, Instant to) {
        synchronized (sent) {
            return sent.stream()
                    .filter(s -> !s.at().isBefore(from) && s.at().isBefore(to))
                    .toList();
        }
    }

    int refused() {
        return refused.get();
    }

    int acked() {
        return acked.get();
    }

    /**
     * Store-to-store latencies in ms (the receiver's receivedAt minus the sender's created, one
     * machine's clock) of the envelopes of {@code window} found in {@code peerInbox}.
     */
    static List<Double> latenciesMillis(List<Sent> window, List<JsonNode> peerInbox) {
        Map<String, JsonNode> byId = new HashMap<>();
        peerInbox.forEach(m -> byId.put(m.path("id").asText(), m));
        List<Double> out = new ArrayList<>();
        for (Sent s : window) {
            JsonNode m = byId.get(s.id());
            if (m != null && m.has("receivedAt")) {
                Duration d = Duration.between(
                        Instant.parse(m.path("created").asText()),
                        Instant.parse(m.path("receivedAt").asText()));
                out.add(d.toNanos() / 1e6);
            }
        }
        return out;
    }

    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
