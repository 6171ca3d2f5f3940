package org.parley.cli.dialogue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.parley.cli.operator.OperatorClient;
import org.parley.dialogue.Answer;
import org.parley.dialogue.DialogueEntry;
import org.parley.dialogue.DialogueLedger;
import org.parley.dialogue.Outcome;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Party;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parley dialogue answer}: accept, decline or counter a request, as the party it was sent to. */
@Command(
        name = "answer",
        mixinStandardHelpOptions = true,
        description = "Answer a request: --accept TIME, --decline REASON or --counter TIME...")
final class DialogueAnswerCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    @SuppressWarnings("NullAway.Init") // injected by picocli
    DialogueCommand parent;

    @Parameters(index = "0", description = "The request: its number in `list`, its id, or a unique id prefix.")
    String request = "";

    @ArgGroup(multiplicity = "1")
    @SuppressWarnings("NullAway.Init") // picocli sets it, multiplicity 1
    Choice choice;

    @Option(names = "--note", defaultValue = "", description = "A note with a counter-proposal.")
    String note = "";

    /** Exactly one kind of answer. */
    static final class Choice {
        @Option(names = "--accept", description = "Accept at this proposed time (ISO-8601 UTC).")
        @Nullable
        String accept;

        @Option(names = "--decline", description = "Decline, giving the reason.")
        @Nullable
        String decline;

        @Option(names = "--counter", description = "Propose other times instead (repeat for several).")
        @Nullable
        List<String> counter;
    }

    @Override
    public Integer call() {
        if (parent.node.isPresent()) {
            return remote();
        }
        DialogueLedger ledger = parent.ledger();
        List<DialogueEntry> entries = ledger.entries();
        List<DialogueEntry> matches = find(entries);
        if (matches.size() != 1) {
            parent.spec
                    .commandLine()
                    .getErr()
                    .println("parley dialogue: refused: "
                            + (matches.isEmpty()
                                    ? "unknown request '" + request + "'"
                                    : "'" + request + "' is ambiguous")
                            + "; see `parley dialogue list`. Nothing was stored.");
            return 1;
        }
        DialogueEntry entry = matches.get(0);
        Instant now = parent.clock().instant();
        EnvelopeId id = EnvelopeId.generate(parent.clock(), parent.random());
        Party by = entry.request().to();
        Outcome<DialogueEntry> outcome = ledger.answer(answer(entry, id, by, now));
        return parent.report(outcome, "answered");
    }

    /** Through the node: the request is named by its full id, as the node lists it. */
    private int remote() {
        ObjectNode body = OperatorClient.json().createObjectNode();
        if (choice.accept != null) {
            body.put("answer", "ACCEPT")
                    .put(
                            "meeting",
                            DialogueCommand.parseInstant(choice.accept, "--accept")
                                    .toString());
        } else if (choice.decline != null) {
            body.put("answer", "DECLINE").put("reason", choice.decline);
        } else {
            body.put("answer", "COUNTER").put("note", note);
            for (String t : choice.counter == null ? List.<String>of() : choice.counter) {
                body.withArray("proposed")
                        .add(DialogueCommand.parseInstant(t, "--counter").toString());
            }
        }
        return parent.remote(
                api -> api.post("api/v1/dialogue/requests/" + request + "/answer", body),
                answer -> "answered " + request + ": sent as signed envelope "
                        + answer.path("id").asText());
    }

    private Answer answer(DialogueEntry entry, EnvelopeId id, Party by, Instant now) {
        EnvelopeId requestId = entry.request().id();
        if (choice.accept != null) {
            return new Answer.Accepted(requestId, id, by, now, DialogueCommand.parseInstant(choice.accept, "--accept"));
        }
        if (choice.decline != null) {
            return new Answer.Declined(requestId, id, by, now, choice.decline);
        }
        List<Instant> times = new ArrayList<>();
        for (String t : choice.counter == null ? List.<String>of() : choice.counter) {
            times.add(DialogueCommand.parseInstant(t, "--counter"));
        }
        return new Answer.Countered(requestId, id, by, now, times, note);
    }

    private List<DialogueEntry> find(List<DialogueEntry> entries) {
        if (request.matches("[0-9]{1,6}")) {
            int number = Integer.parseInt(request);
            return number >= 1 && number <= entries.size() ? List.of(entries.get(number - 1)) : List.of();
        }
        if (request.length() < 4) {
            return List.of();
        }
        return entries.stream()
                .filter(e -> e.request().id().toString().startsWith(request))
                .toList();
    }
}
