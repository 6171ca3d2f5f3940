package org.parley.dialogue;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.parley.dialogue.channel.Admission;
import org.parley.dialogue.channel.ChannelPolicy;
import org.parley.wire.Category;
import org.parley.wire.Envelope;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Payload;

/**
 * The shared record of requests for talks and their answers.
 *
 * <p>Both nodes feed every DIALOGUE envelope they send or receive to {@link #record(Envelope)}, so
 * both hold the same list. A request not answered by its deadline gets NO_RESPONSE, recorded by
 * each ledger from the deadline both hold (read from the injected clock), so no envelope is needed
 * for silence. An answer dated before the deadline that arrives after NO_RESPONSE was recorded
 * replaces it: delivery delay must not turn an answer into silence.
 *
 * <p>Every operation checks its input and returns {@link Outcome.Refused} with a reason, storing
 * nothing, for: a malformed request, an answer to an unknown or already answered request, an answer
 * by the wrong party or after the deadline, and anything sent while DIALOGUE is suspended by a
 * channel notice. Thread-safe.
 */
public final class DialogueLedger {
    private final DialogueRepository repository;
    private final ChannelPolicy channels;
    private final InstantSource clock;

    DialogueLedger(DialogueRepository repository, ChannelPolicy channels, InstantSource clock) {
        this.repository = repository;
        this.channels = channels;
        this.clock = clock;
    }

    /** A ledger kept in memory (tests, demo). */
    public static DialogueLedger inMemory(ChannelPolicy channels, InstantSource clock) {
        return new DialogueLedger(new DialogueRepository.InMemory(), channels, clock);
    }

    /**
     * A ledger in a database (SQLite or PostgreSQL) reached through {@code dataSource}; creates or
     * migrates its tables first. The node passes the data source of its store.
     */
    public static DialogueLedger jdbc(DataSource dataSource, ChannelPolicy channels, InstantSource clock) {
        return new DialogueLedger(JdbcDialogueRepository.open(dataSource), channels, clock);
    }

    /** Records a request for talks. */
    public synchronized Outcome<DialogueEntry> request(DialogueRequest request) {
        Map<EnvelopeId, DialogueEntry> state = currentState();
        DialogueEntry existing = state.get(request.id());
        if (existing != null) {
            return existing.request().equals(request)
                    ? new Outcome.Recorded<>(existing)
                    : refused("request " + request.id() + " is already recorded with other content");
        }
        Optional<String> problem = Validation.request(request, clock.instant()).or(() -> suspended(request.sentAt()));
        if (problem.isPresent()) {
            return refused(problem.get());
        }
        repository.append(new DialogueEvent.Requested(request));
        recordDeadlines();
        return new Outcome.Recorded<>(currentState().getOrDefault(request.id(), new DialogueEntry(request, null)));
    }

    /** Records an answer; NO_RESPONSE is never sent, the ledger records it at the deadline. */
    public synchronized Outcome<DialogueEntry> answer(Answer answer) {
        Map<EnvelopeId, DialogueEntry> state = currentState();
        DialogueEntry entry = state.get(answer.requestId());
        if (entry == null) {
            return refused("unknown request " + answer.requestId() + "; nothing was stored");
        }
        if (entry.answer().filter(answer::equals).isPresent()) {
            return new Outcome.Recorded<>(entry);
        }
        Optional<String> problem = AnswerCheck.problem(entry, answer).or(() -> suspended(answer.answeredAt()));
        if (problem.isPresent()) {
            return refused(problem.get());
        }
        repository.append(new DialogueEvent.Answered(answer));
        return new Outcome.Recorded<>(entry.answered(answer));
    }

    /** Records the request or answer a DIALOGUE envelope carries, sent or received. */
    public Outcome<DialogueEntry> record(Envelope envelope) {
        return switch (envelope.payload()) {
            case Payload.DialogueRequest p ->
                WirePayloads.request(envelope, p).map(this::request, DialogueLedger::refused);
            case Payload.DialogueAnswer p ->
                WirePayloads.answer(envelope, p).map(this::answer, DialogueLedger::refused);
            default ->
                refused("envelope " + envelope.id() + " carries a "
                        + envelope.payload().type() + ", not a dialogue request or answer");
        };
    }

    /** Records NO_RESPONSE for every pending request whose deadline has passed; returns those recorded. */
    public synchronized List<Answer.NoResponse> recordDeadlines() {
        Instant now = clock.instant();
        List<Answer.NoResponse> recorded = new ArrayList<>();
        for (DialogueEntry entry : fold(repository.events()).values()) {
            Instant deadline = entry.request().answerDeadline();
            if (entry.status() == RequestStatus.PENDING && !deadline.isAfter(now)) {
                Answer.NoResponse silence =
                        new Answer.NoResponse(entry.request().id(), deadline);
                repository.append(new DialogueEvent.Answered(silence));
                recorded.add(silence);
            }
        }
        return recorded;
    }

    /** Every request with its answer, in the order recorded. */
    public synchronized List<DialogueEntry> entries() {
        return List.copyOf(currentState().values());
    }

    /** One request with its answer. */
    public synchronized Optional<DialogueEntry> entry(EnvelopeId requestId) {
        return Optional.ofNullable(currentState().get(requestId));
    }

    /** Statistics per period and level. */
    public DialogueStats stats(Period period) {
        return StatsCalculator.compute(entries(), period);
    }

    /** Entries as a JSON array (request fields, {@code status}, {@code answer}), for scripts and exports. */
    public static String toJson(List<DialogueEntry> entries) {
        return EventJson.entries(entries);
    }

    /** The wire payload for a request; the envelope carrying it must have the request's id, parties and time. */
    public static Payload.DialogueRequest payloadOf(DialogueRequest request) {
        return WirePayloads.payloadOf(request);
    }

    /** The wire payload for an answer (not NO_RESPONSE, which is never sent). */
    public static Payload.DialogueAnswer payloadOf(Answer answer) {
        return WirePayloads.payloadOf(answer);
    }

    private Map<EnvelopeId, DialogueEntry> currentState() {
        recordDeadlines();
        return fold(repository.events());
    }

    private Optional<String> suspended(Instant at) {
        if (channels.admits(Category.DIALOGUE, at) instanceof Admission.Suspended s) {
            return Optional.of(s.message() + "; nothing was stored");
        }
        return Optional.empty();
    }

    static Map<EnvelopeId, DialogueEntry> fold(List<DialogueEvent> events) {
        Map<EnvelopeId, DialogueEntry> state = new LinkedHashMap<>();
        for (DialogueEvent event : events) {
            switch (event) {
                case DialogueEvent.Requested r -> state.put(r.request().id(), new DialogueEntry(r.request(), null));
                case DialogueEvent.Answered a ->
                    state.computeIfPresent(a.answer().requestId(), (id, entry) -> entry.answered(a.answer()));
            }
        }
        return state;
    }

    private static <T> Outcome<T> refused(String reason) {
        return new Outcome.Refused<>(reason);
    }
}
