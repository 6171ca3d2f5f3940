package org.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.parley.cli.operator.OperatorClient;

/**
 * One side's operators sending at a steady pace through the node's API, for the soak test and the
 * fault suite: each sends its own mix ({@link Plan}); this keeps the pace, records what the API
 * accepted, and counts what the peer's operators then see of it.
 */
public final class OperatorTraffic {
    /** An envelope the node's API accepted (201). */
    public record Sent(String id, String text, String precedence, Instant at) {}

    /** What the {@code i}-th message of a side is: its precedence and category (the text is prefix + i). */
    public interface Plan {
        Message message(int i);
    }

    public record Message(String precedence, String category) {}

    /** Called on a lane after each send: {@code round} counts that lane's sends from 0. */
    public interface AfterSend {
        AfterSend NOTHING = (lane, round) -> {};

        void sent(int lane, int round);
    }

    private final OperatorClient api;
    private final String prefix;
    private final Plan plan;
    private final int lanes;
    private final long everyNanos;
    private final AfterSend afterSend;
    private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicBoolean going = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();

    private OperatorTraffic(
            OperatorClient api, String prefix, Plan plan, int lanes, Duration everyPerLane, AfterSend afterSend) {
        this.api = api;
        this.prefix = prefix;
        this.plan = plan;
        this.lanes = lanes;
        this.everyNanos = everyPerLane.toNanos();
        this.afterSend = afterSend;
    }

    /**
     * Starts {@code lanes} platform threads named {@code threadName + lane}; lane {@code k} sends
     * messages k, k + lanes, k + 2 lanes, … one every {@code everyPerLane}, the lanes evenly offset,
     * so one slow answer from a loaded node does not hold the whole side's rate back.
     */
    public static OperatorTraffic start(
            OperatorClient api,
            String prefix,
            Plan plan,
            int lanes,
            Duration everyPerLane,
            String threadName,
            AfterSend afterSend) {
        OperatorTraffic traffic = new OperatorTraffic(api, prefix, plan, lanes, everyPerLane, afterSend);
        for (int lane = 0; lane < lanes; lane++) {
            int first = lane;
            traffic.threads.add(Thread.ofPlatform().name(threadName + lane).start(() -> traffic.loop(first)));
        }
        return traffic;
    }

    /** Sends one envelope now; its record, or empty when the node refused it. */
    public static Optional<Sent> sendOne(OperatorClient api, String text, String precedence, String category) {
        ObjectNode body = OperatorClient.json().createObjectNode();
        body.put("precedence", precedence).put("category", category).put("text", text);
        try {
            String id = api.post("api/v1/messages", body).path("id").asText();
            return Optional.of(new Sent(id, text, precedence, Instant.now()));
        } catch (OperatorClient.ApiException e) {
            return Optional.empty();
        }
    }

    private void loop(int first) {
        long next = System.nanoTime() + everyNanos * first / lanes;
        for (int i = first, round = 0; going.get(); i += lanes, round++) {
            Message m = plan.message(i);
            sendOne(api, prefix + i, m.precedence(), m.category()).ifPresentOrElse(sent::add, refused::incrementAndGet);
            afterSend.sent(first, round);
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

    /** Stops sending and waits for each lane's last request. */
    public void stop() throws InterruptedException {
        going.set(false);
        for (Thread t : threads) {
            t.join();
        }
    }

    public List<Sent> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    /** The accepted envelopes sent in [from, to). */
    public List<Sent> sentBetween(Instant from, Instant to) {
        synchronized (sent) {
            return sent.stream()
                    .filter(s -> !s.at().isBefore(from) && s.at().isBefore(to))
                    .toList();
        }
    }

    /** Messages the node's API refused. */
    public int refused() {
        return refused.get();
    }

    /** What the peer's operators see of {@code sent}: delivered once, missing, or more than once. */
    public record Count(int sent, int delivered, int lost, int duplicated) {
        /** Each sent envelope seen by id or by its unique text: once is delivered, more is duplicated. */
        public static Count of(List<Sent> sent, List<JsonNode> peerInbox) {
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

        public Count plus(Count other) {
            return new Count(
                    sent + other.sent, delivered + other.delivered, lost + other.lost, duplicated + other.duplicated);
        }
    }

    /**
     * Store-to-store latencies in ms (the receiver's receivedAt minus the sender's created, one
     * machine's clock) of the envelopes of {@code sent} found in {@code peerInbox}; only those of
     * {@code precedence}, unless it is empty.
     */
    public static List<Double> latenciesMillis(List<Sent> sent, List<JsonNode> peerInbox, String precedence) {
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

    /** The nearest-rank {@code p}th percentile; NaN when there are no values. */
    public static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
