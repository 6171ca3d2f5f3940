package org.parley.cli.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.parley.cli.OperatorTraffic;

/** What both sides' operators sent in one stretch of a scenario, and what the peers made of it. */
record Exchange(List<OperatorTraffic.Sent> blue, List<OperatorTraffic.Sent> red, int refused) {
    Exchange {
        blue = List.copyOf(blue);
        red = List.copyOf(red);
    }

    /** Both sides send at {@code perSecond} each for {@code length}. */
    static Exchange during(FaultPair pair, String prefix, Duration length, int perSecond) throws InterruptedException {
        OperatorTraffic b = Traffic.start(pair.blueApi, prefix + "-blue-", perSecond);
        OperatorTraffic r = Traffic.start(pair.redApi, prefix + "-red-", perSecond);
        Thread.sleep(length);
        return stop(b, r);
    }

    /** Stops both sides' traffic; what they sent. */
    static Exchange stop(OperatorTraffic blue, OperatorTraffic red) throws InterruptedException {
        blue.stop();
        red.stop();
        return new Exchange(blue.sent(), red.sent(), blue.refused() + red.refused());
    }

    /** Only BLUE sends. */
    static Exchange blueOnly(FaultPair pair, String prefix, Duration length, int perSecond)
            throws InterruptedException {
        OperatorTraffic b = Traffic.start(pair.blueApi, prefix + "-blue-", perSecond);
        Thread.sleep(length);
        b.stop();
        return new Exchange(b.sent(), List.of(), b.refused());
    }

    Exchange plus(Exchange other) {
        List<OperatorTraffic.Sent> b = new ArrayList<>(blue);
        b.addAll(other.blue);
        List<OperatorTraffic.Sent> r = new ArrayList<>(red);
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

    OperatorTraffic.Count count(FaultPair pair) {
        return OperatorTraffic.Count.of(blue, FaultPair.inbox(pair.redApi))
                .plus(OperatorTraffic.Count.of(red, FaultPair.inbox(pair.blueApi)));
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
        List<Double> all = new ArrayList<>(OperatorTraffic.latenciesMillis(blue, redInbox, precedence));
        List<Double> first = OperatorTraffic.latenciesMillis(
                blue.stream()
                        .filter(s -> precedence.isEmpty() || s.precedence().equals(precedence))
                        .limit(1)
                        .toList(),
                redInbox,
                precedence);
        all.addAll(OperatorTraffic.latenciesMillis(red, FaultPair.inbox(pair.blueApi), precedence));
        return new NetworkFaultsIT.Latency(
                all.size(),
                OperatorTraffic.percentile(all, 50),
                OperatorTraffic.percentile(all, 99),
                OperatorTraffic.percentile(all, 100),
                first.isEmpty() ? Double.NaN : first.get(0));
    }
}
