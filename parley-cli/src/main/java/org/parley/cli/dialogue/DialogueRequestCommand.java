package org.parley.cli.dialogue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.parley.cli.operator.OperatorClient;
import org.parley.dialogue.DialogueRequest;
import org.parley.dialogue.Level;
import org.parley.wire.EnvelopeId;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parley dialogue request}: records a request for talks sent to the other party. */
@Command(name = "request", mixinStandardHelpOptions = true, description = "Record a request for talks.")
final class DialogueRequestCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    @SuppressWarnings("NullAway.Init") // injected by picocli
    DialogueCommand parent;

    @Option(
            names = "--level",
            required = true,
            description =
                    "MINISTERS, CHIEFS_OF_DEFENCE, THEATRE_COMMANDERS, WORKING_LEVEL or MARITIME_CONSULTATIVE_TALKS.")
    Level level = Level.WORKING_LEVEL;

    @Option(names = "--topic", required = true, description = "What the talks are about.")
    String topic = "";

    @Option(
            names = "--propose",
            required = true,
            description = "A proposed start time, ISO-8601 UTC (repeat for several).")
    List<String> proposed = new ArrayList<>();

    @Option(names = "--deadline", description = "Answer deadline, ISO-8601 UTC (default: --deadline-days from now).")
    String deadline = "";

    @Option(names = "--deadline-days", defaultValue = "14", description = "Days to answer (default ${DEFAULT-VALUE}).")
    long deadlineDays = 14;

    @Override
    public Integer call() {
        Instant now = parent.clock().instant();
        Instant answerBy = deadline.isEmpty()
                ? now.plus(DialogueCommand.days(deadlineDays))
                : DialogueCommand.parseInstant(deadline, "--deadline");
        List<Instant> times = proposed.stream()
                .map(t -> DialogueCommand.parseInstant(t, "--propose"))
                .toList();
        if (parent.node.isPresent()) {
            ObjectNode body = OperatorClient.json().createObjectNode();
            body.put("level", level.name()).put("topic", topic).put("deadline", answerBy.toString());
            times.forEach(t -> body.withArray("proposed").add(t.toString()));
            return parent.remote(
                    api -> api.post("api/v1/dialogue/requests", body),
                    answer -> "requested " + answer.path("id").asText() + " (PENDING): sent as a signed envelope;"
                            + " answer due by " + answerBy);
        }
        DialogueRequest request = new DialogueRequest(
                EnvelopeId.generate(parent.clock(), parent.random()),
                parent.self(),
                parent.other(),
                level,
                topic,
                times,
                answerBy,
                now);
        return parent.report(parent.ledger().request(request), "requested");
    }
}
