package org.parley.cli.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.parley.cli.operator.OperatorClient;

/**
 * One side's operators sending at a steady rate through the node's API, every precedence in turn
 * (FLASH, IMMEDIATE, PRIORITY, ROUTINE) and SAFETY and ROUTINE categories, each text unique so a
 * duplicate at the peer is seen even under a new envelope id.
 */
final class Traffic {
    static final List<String> PRECEDENCES = List.of("FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE");

    /** An envelope the node's API accepted (201). */
    record Sent(String id, String text, String precedence, Instant at) {}

    private final OperatorClient api;
    private final String prefix;
    private final Duration every;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicBoolean going = new AtomicBoolean(true);
    private final Thread thread;

    private Traffic(OperatorClient api, String prefix, int perSecond) {
        this.api = api;
        this.prefix = prefix;
        this.every = Duration.ofMillis(1000 / perSecond);
        this.thread = Thread.ofPlatform().name("traffic-" + prefix).start(this::loop);
    }

    static Traffic start(OperatorClient api, String prefix, int perSecond) {
        return new Traffic(api, prefix, perSecond);
    }

    /** Sends one envelope now; its record, or empty when the node refused it. */
    static java.util.Optional<Sent> sendOne(OperatorClient api, String text, String precedence, String category) {
        ObjectNode body = OperatorClient.json().createObjectNode();
        body.put("precedence", precedence).put("category", category).put("text", text);
        try {
            String id = api.post("api/v1/messages", body).path("id").asText();
            return java.util.Optional.of(new Sent(id, text, precedence, Instant.now()));
        } catch (OperatorClient.ApiException e) {
            return java.util.Optional.empty();
        }
    }

    private void loop() {
        int i = 0;
        long next = System.nanoTime();
        while (going.get()) {
            String precedence = PRECEDENCES.get(i % PRECEDENCES.size());
            String category = (i / PRECEDENCES.size()) % 2 == 0 ? "SAFETY" : "ROUTINE";
            sendOne(api, prefix + i, precedence, category).ifPresentOrElse(sent::add, refused::incrementAndGet);
            i++;
            next += every.toNanos();
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

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    int refused() {
        return refused.get();
    }

    /** Stops sending and waits for the sender to finish its last request. */
    void stop() throws InterruptedException {
        going.set(false);
        thread.join();
    }

    /** What the peer's operators see of {@code sent}: delivered once, missing, or more than once. */
    record Count(int sent, int delivered, int lost, int duplicated) {
        static Count of(List<Sent> sent, List<JsonNode> peerInbox) {
            Map<String, Integer> byText = new HashMap<>();
            Map<String, Integer> byId = new HashMap<>();
            for (JsonNode m : peerInbox) {
                byText.merge(m.path("text").asText(), 1, Integer::sum);
                byId.merge(m.path("id").asText(), 1, Integer::sum);
            }
            int delivered = 0;
            int duplicated = 0;
            for (Sent s : sent) {
                int seen = Math.max(byText.getOrDefault(s.text(), 0), byId.getOrDefault(s.id(), 0));
                delivered += seen > 0 ? 1 : 0;
                duplicated += Math.max(0, seen - 1);
            }
            return new Count(sent.size(), delivered, sent.size() - delivered, duplicated);
        }

        Count plus(Count other) {
            return new Count(
                    sent + other.sent, delivered + other.delivered, lost + other.lost, duplicated + other.duplicated);
        }
    }

    /** Delivery latencies in ms (receiver's receivedAt minus sender's created) of {@code sent} found in the inbox. */
    static List<Double> latenciesMillis(List<Sent> sent, List<JsonNode> peerInbox, String precedence) {
        Map<String, JsonNode> byId = new HashMap<>();
        peerInbox.forEach(m -> byId.put(m.path("id").asText(), m));
        List<Double> out = new ArrayList<>();
        for (Sent s : sent) {
            JsonNode m = byId.get(s.id());
            if (m != null && (precedence.isEmpty() || precedence.equals(s.precedence())) && m.has("receivedAt")) {
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
