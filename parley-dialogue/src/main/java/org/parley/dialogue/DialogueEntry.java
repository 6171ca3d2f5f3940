package org.parley.dialogue;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A request and, once given or recorded, its answer. Immutable. */
public final class DialogueEntry {
    private final DialogueRequest request;
    private final @Nullable Answer answer;

    DialogueEntry(DialogueRequest request, @Nullable Answer answer) {
        this.request = request;
        this.answer = answer;
    }

    public DialogueRequest request() {
        return request;
    }

    /** The answer, empty while the request is pending. */
    public Optional<Answer> answer() {
        return Optional.ofNullable(answer);
    }

    public RequestStatus status() {
        return answer == null ? RequestStatus.PENDING : answer.status();
    }

    DialogueEntry answered(Answer newAnswer) {
        return new DialogueEntry(request, newAnswer);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DialogueEntry that
                && request.equals(that.request)
                && java.util.Objects.equals(answer, that.answer);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(request, answer);
    }

    @Override
    public String toString() {
        return "DialogueEntry[" + request.id() + " " + request.level() + " " + status() + "]";
    }
}
