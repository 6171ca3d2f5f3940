package org.parley.cli.faults;

import java.time.Duration;
import java.util.List;
import org.parley.cli.OperatorTraffic;
import org.parley.cli.operator.OperatorClient;

/**
 * The fault suite's traffic: one side's operators sending at a steady rate through the node's API,
 * every precedence in turn (FLASH, IMMEDIATE, PRIORITY, ROUTINE) and SAFETY and ROUTINE categories,
 * each text unique so a duplicate at the peer is seen even under a new envelope id.
 */
final class Traffic {
    static final List<String> PRECEDENCES = List.of("FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE");

    private Traffic() {}

    /** One sender thread, {@code perSecond} messages a second (a whole number of ms apart). */
    static OperatorTraffic start(OperatorClient api, String prefix, int perSecond) {
        return OperatorTraffic.start(
                api,
                prefix,
                Traffic::message,
                1,
                Duration.ofMillis(1000 / perSecond),
                "traffic-" + prefix,
                OperatorTraffic.AfterSend.NOTHING);
    }

    private static OperatorTraffic.Message message(int i) {
        return new OperatorTraffic.Message(
                PRECEDENCES.get(i % PRECEDENCES.size()), (i / PRECEDENCES.size()) % 2 == 0 ? "SAFETY" : "ROUTINE");
    }
}
