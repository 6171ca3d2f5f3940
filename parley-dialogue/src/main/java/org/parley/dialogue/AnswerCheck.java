package org.parley.dialogue;

import java.util.Optional;

/** The checks of an answer against the request it answers. */
final class AnswerCheck {
    private AnswerCheck() {}

    static Optional<String> problem(DialogueEntry entry, Answer answer) {
        DialogueRequest request = entry.request();
        return switch (answer) {
            case Answer.NoResponse ignored ->
                Optional.of("NO_RESPONSE is recorded by each ledger at the deadline, never sent as an answer");
            case Answer.Accepted a ->
                common(entry, a, a.by())
                        .or(() -> request.proposedTimes().contains(a.meetingTime())
                                ? Optional.empty()
                                : Optional.of("the accepted time " + a.meetingTime()
                                        + " is not one of the proposed times " + request.proposedTimes()
                                        + "; to propose another time, send a counter-proposal"));
            case Answer.Declined d -> common(entry, d, d.by()).or(() -> Validation.reason("reason", d.reason(), true));
            case Answer.Countered c ->
                common(entry, c, c.by())
                        .or(() -> Validation.times("counter-proposed time", c.proposedTimes(), c.answeredAt()))
                        .or(() -> Validation.reason("note", c.note(), false));
        };
    }

    private static Optional<String> common(DialogueEntry entry, Answer answer, org.parley.wire.Party by) {
        DialogueRequest request = entry.request();
        if (!by.equals(request.to())) {
            return Optional.of(
                    "only " + request.to() + " may answer request " + request.id() + "; " + by + " asked it");
        }
        if (answer.answeredAt().isBefore(request.sentAt())) {
            return Optional.of("the answer is dated " + answer.answeredAt() + ", before the request was sent at "
                    + request.sentAt());
        }
        if (answer.answeredAt().isAfter(request.answerDeadline())) {
            return Optional.of("the answer deadline of request " + request.id() + " passed at "
                    + request.answerDeadline() + " and NO_RESPONSE was recorded; an answer dated "
                    + answer.answeredAt() + " comes too late. Send a new request instead.");
        }
        return switch (entry.status()) {
            case PENDING, NO_RESPONSE -> Optional.empty(); // an answer in time replaces a NO_RESPONSE
            case ACCEPTED, DECLINED, COUNTERED ->
                Optional.of("request " + request.id() + " was already answered: "
                        + entry.status() + " at "
                        + entry.answer().map(Answer::answeredAt).orElseThrow()
                        + "; nothing was stored");
        };
    }
}
