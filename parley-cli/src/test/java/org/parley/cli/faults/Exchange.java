package org.parley.cli.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What both sides' operators sent in one stretch of a scenario, and what the peers made of it. */
record Exchange(List<Traffic.Sent> blue, List<Traffic.Sent> red, int refused) {
    Exchange {
        blue = List.copyOf(blue);
        red = List.copyOf(red);
    }

    /** Both sides send at {@code perSecond} each for {@code length}. */
    static Exchange during(FaultPair pair, String prefix, Duration length, int perSecond) throws InterruptedException {
        Traffic b = Traffic.start(pair.blueApi, prefix + "-blue-", perSecond);
        Traffic r = Traffic.start(pair.redApi, prefix + "-red-", perSecond);
        Thread.sleep(length);
        b.stop();
        r.stop();
        return new Exchange(b.sent(), r.sent(), b.refused() + r.refused());
    }

    /** Only BLUE sends. */
    static Exchange blueOnly(FaultPair pair, String prefix, Duration length, int perSecond)
            throws InterruptedException {
        Traffic b = Traffic.start(pair.blueApi, prefix + "-blue-", perSecond);
        Thread.sleep(length);
        b.stop();
        return new Exchange(b.sent(), List.of(), b.refused());
    }

    Exchange plus(Exchange other) {
        List<Traffic.Sent> b = new ArrayList<>(blue);
        b.addAll(other.blue);
        List<Traffic.Sent> r = new ArrayList<>(red);
        r.addAll(other.red);
        return new Exchange(b, r, refused + other.refused);
    }

    Exchange flashOnly() {
        return new Exchange(
                blue.stream().filter(s -> s.precedence().equals("FLASH")).toList(),
                red.stream().filter(s -> s.precedence().equals("FLASH")).toList(),
                0);
    }

    int size() {
        return blue.size() + red.size();
    }

    Traffic.Count count(FaultPair pair) {
        return Traffic.Count.of(blue, FaultPair.inbox(pair.redApi))
                .plus(Traffic.Count.of(red, FaultPair.inbox(pair.blueApi)));
    }

    /** Polls both inboxes until every envelope is in; when that happened (or the timeout ran out). */
    Instant awaitDelivered(FaultPair pair, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (count(pair).lost() == 0) {
                    return Instant.now();
                }
            } catch (org.parley.cli.operator.OperatorClient.ApiException e) {
                // the operator API is slow under load: ask again
            }
            Thread.sleep(250);
        }
        return Instant.now();
    }

    /** Store-to-store latency (receiver's receivedAt minus sender's created) of one precedence, or all with "". */
    NetworkFaultsIT.Latency latency(FaultPair pair, String precedence) {
        List<JsonNode> redInbox = FaultPair.inbox(pair.redApi);
        List<Double> all = new ArrayList<>(Traffic.latenciesMillis(blue, redInbox, precedence));
        List<Double> first = Traffic.latenciesMillis(
                blue.stream()
                        .filter(s -> precedence.isEmpty() || s.precedence().equals(precedence))
                        .limit(1)
                        .toList(),
                redInbox,
                precedence);
        all.addAll(Traffic.latenciesMillis(red, FaultPair.inbox(pair.blueApi), precedence));
        return new NetworkFaultsIT.Latency(
                all.size(),
                Traffic.percentile(all, 50),
                Traffic.percentile(all, 99),
                Traffic.percentile(all, 100),
                first.isEmpty() ? Double.NaN : first.get(0));
    }
}
