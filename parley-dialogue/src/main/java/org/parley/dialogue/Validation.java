package org.parley.dialogue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** The checks of requests and answers that need no ledger state; each returns the problem, if any. */
final class Validation {
    static final int MAX_TOPIC_CHARS = 500;
    static final int MAX_REASON_CHARS = 2000;
    static final int MAX_PROPOSED_TIMES = 10;
    /** Two parties' clocks differ; a message may be dated this far in the receiver's future. */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    private Validation() {}

    static Optional<String> request(DialogueRequest r, Instant now) {
        if (r.from().equals(r.to())) {
            return Optional.of("a request must go to the other party, not to " + r.from());
        }
        if (r.topic().isBlank() || r.topic().length() > MAX_TOPIC_CHARS) {
            return Optional.of("the topic must be 1 to " + MAX_TOPIC_CHARS + " characters; it is "
                    + r.topic().strip().length());
        }
        if (r.sentAt().isAfter(now.plus(CLOCK_TOLERANCE))) {
            return Optional.of("the request is dated " + r.sentAt() + ", in the future (now " + now + ")");
        }
        if (!r.answerDeadline().isAfter(r.sentAt())) {
            return Optional.of("the answer deadline " + r.answerDeadline() + " must be after the request was sent at "
                    + r.sentAt());
        }
        return times("proposed time", r.proposedTimes(), r.sentAt());
    }

    static Optional<String> times(String what, List<Instant> times, Instant after) {
        if (times.isEmpty() || times.size() > MAX_PROPOSED_TIMES) {
            return Optional.of("give 1 to " + MAX_PROPOSED_TIMES + " " + what + "s; there are " + times.size());
        }
        if (new HashSet<>(times).size() != times.size()) {
            return Optional.of("a " + what + " is repeated: " + times);
        }
        for (Instant t : times) {
            if (!t.isAfter(after)) {
                return Optional.of(what + " " + t + " is not after " + after);
            }
        }
        return Optional.empty();
    }

    static Optional<String> reason(String what, String text, boolean required) {
        if (required && text.isBlank()) {
            return Optional.of("a " + what + " must be given");
        }
        if (text.length() > MAX_REASON_CHARS) {
            return Optional.of("the " + what + " is " + text.length() + " characters; at most " + MAX_REASON_CHARS);
        }
        return Optional.empty();
    }
}
