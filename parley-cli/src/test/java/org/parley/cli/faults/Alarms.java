package org.parley.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.parley.cli.operator.OperatorClient;

/** The alarms both nodes raised for one fault: link down after its start, restored after the heal. */
record Alarms(
        Instant start,
        Instant healed,
        Optional<Instant> blueDown,
        Optional<Instant> redDown,
        Optional<Instant> blueUp,
        Optional<Instant> redUp,
        String others) {

    /** Reads both alarm lists, waiting up to {@code forRestore} for LINK_RESTORED on both sides. */
    static Alarms of(FaultPair pair, Instant start, Instant healed, Duration forRestore) throws InterruptedException {
        Instant deadline = Instant.now().plus(forRestore);
        while (Instant.now().isBefore(deadline)
                && (first(pair.blueApi, "LINK_RESTORED", healed).isEmpty()
                        || first(pair.redApi, "LINK_RESTORED", healed).isEmpty())) {
            Thread.sleep(250);
        }
        return new Alarms(
                start,
                healed,
                first(pair.blueApi, "LINK_DOWN", start),
                first(pair.redApi, "LINK_DOWN", start),
                first(pair.blueApi, "LINK_RESTORED", healed),
                first(pair.redApi, "LINK_RESTORED", healed),
                "BLUE " + kinds(pair.blueApi, start) + ", RED " + kinds(pair.redApi, start));
    }

    static Optional<Instant> first(OperatorClient api, String kind, Instant after) {
        return FaultPair.alarms(api).stream()
                .filter(a -> a.kind().equals(kind) && !a.at().isBefore(after))
                .map(FaultPair.Seen::at)
                .min(Instant::compareTo);
    }

    /** How many alarms of each kind a node raised since {@code after}, e.g. {@code {FLASH_OVERDUE=3}}. */
    static String kinds(OperatorClient api, Instant after) {
        TreeMap<String, Integer> counts = new TreeMap<>();
        FaultPair.alarms(api).stream()
                .filter(a -> !a.at().isBefore(after))
                .forEach(a -> counts.merge(a.kind(), 1, Integer::sum));
        return counts.toString();
    }

    private static String since(Optional<Instant> at, Instant from) {
        return at.map(t -> FaultTable.seconds(Duration.between(from, t))).orElse("none");
    }

    String raisedAfter() {
        return "LINK_DOWN BLUE " + since(blueDown, start) + ", RED " + since(redDown, start);
    }

    String notes() {
        return "LINK_RESTORED BLUE " + since(blueUp, healed) + ", RED " + since(redUp, healed) + " after heal; alarms: "
                + others;
    }

    void assertRaisedWithin(Duration bound) {
        assertBlueRaisedWithin(bound);
        assertThat(redDown).as("RED's LINK_DOWN alarm").isPresent();
        assertThat(Duration.between(start, redDown.orElseThrow()))
                .as("RED's alarm delay")
                .isLessThanOrEqualTo(bound);
    }

    void assertBlueRaisedWithin(Duration bound) {
        assertThat(blueDown).as("BLUE's LINK_DOWN alarm").isPresent();
        assertThat(Duration.between(start, blueDown.orElseThrow()))
                .as("BLUE's alarm delay")
                .isLessThanOrEqualTo(bound);
    }

    void assertCleared() {
        assertThat(List.of(blueUp, redUp))
                .as("LINK_RESTORED on both sides after the heal")
                .allMatch(Optional::isPresent);
    }
}
