package org.parley.dialogue;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.parley.wire.Envelope;
import org.parley.wire.Payload;

/**
 * Maps requests and answers to the wire's generic dialogue payloads and back.
 *
 * <pre>
 * dialogue-request: topicCode = level name (e.g. CHIEFS_OF_DEFENCE), text = topic,
 *                   fields: deadline = ISO-8601 instant, proposed.1 .. proposed.N = ISO-8601 instants
 * dialogue-answer:  answerCode = ACCEPT | DECLINE | COUNTER, text = reason or note,
 *                   fields: meeting (ACCEPT), proposed.1 .. proposed.N (COUNTER)
 * id, parties and time (sentAt / answeredAt) come from the envelope.
 * </pre>
 */
final class WirePayloads {
    static final String DEADLINE = "deadline";
    static final String MEETING = "meeting";
    static final String PROPOSED = "proposed.";

    /** A decoded payload or the reason it could not be decoded. */
    sealed interface Decoded<T> {
        record Ok<T>(T value) implements Decoded<T> {}

        record Bad<T>(String reason) implements Decoded<T> {}

        default <R> R map(Function<T, R> ok, Function<String, R> bad) {
            return switch (this) {
                case Ok<T> o -> ok.apply(o.value());
                case Bad<T> b -> bad.apply(b.reason());
            };
        }
    }

    private WirePayloads() {}

    static Payload.DialogueRequest payloadOf(DialogueRequest request) {
        Map<String, String> fields = new TreeMap<>(times(request.proposedTimes()));
        fields.put(DEADLINE, request.answerDeadline().toString());
        return new Payload.DialogueRequest(request.level().name(), request.topic(), fields);
    }

    static Payload.DialogueAnswer payloadOf(Answer answer) {
        return switch (answer) {
            case Answer.Accepted a ->
                new Payload.DialogueAnswer(
                        a.requestId(),
                        "ACCEPT",
                        "",
                        Map.of(MEETING, a.meetingTime().toString()));
            case Answer.Declined d -> new Payload.DialogueAnswer(d.requestId(), "DECLINE", d.reason(), Map.of());
            case Answer.Countered c ->
                new Payload.DialogueAnswer(c.requestId(), "COUNTER", c.note(), times(c.proposedTimes()));
            case Answer.NoResponse n ->
                throw new IllegalArgumentException(
                        "NO_RESPONSE is recorded at the deadline by each ledger and is never sent: " + n.requestId());
        };
    }

    static Decoded<DialogueRequest> request(Envelope envelope, Payload.DialogueRequest p) {
        Level level;
        try {
            level = Level.valueOf(p.topicCode());
        } catch (IllegalArgumentException e) {
            return new Decoded.Bad<>("unknown level '" + p.topicCode() + "'; one of " + List.of(Level.values()));
        }
        try {
            Instant deadline = instant(p.fields(), DEADLINE);
            return new Decoded.Ok<>(new DialogueRequest(
                    envelope.id(),
                    envelope.from(),
                    envelope.to(),
                    level,
                    p.text(),
                    proposed(p.fields()),
                    deadline,
                    envelope.created()));
        } catch (IllegalArgumentException e) {
            return new Decoded.Bad<>(String.valueOf(e.getMessage()));
        }
    }

    static Decoded<Answer> answer(Envelope envelope, Payload.DialogueAnswer p) {
        try {
            Answer answer = switch (p.answerCode()) {
                case "ACCEPT" ->
                    new Answer.Accepted(
                            p.requestId(),
                            envelope.id(),
                            envelope.from(),
                            envelope.created(),
                            instant(p.fields(), MEETING));
                case "DECLINE" ->
                    new Answer.Declined(p.requestId(), envelope.id(), envelope.from(), envelope.created(), p.text());
                case "COUNTER" ->
                    new Answer.Countered(
                            p.requestId(),
                            envelope.id(),
                            envelope.from(),
                            envelope.created(),
                            proposed(p.fields()),
                            p.text());
                default ->
                    throw new IllegalArgumentException("unknown answer code '" + p.answerCode()
                            + "'; one of ACCEPT, DECLINE, COUNTER (NO_RESPONSE is recorded, never sent)");
            };
            return new Decoded.Ok<>(answer);
        } catch (IllegalArgumentException e) {
            return new Decoded.Bad<>(String.valueOf(e.getMessage()));
        }
    }

    private static Map<String, String> times(List<Instant> times) {
        Map<String, String> fields = new TreeMap<>();
        for (int i = 0; i < times.size(); i++) {
            fields.put(PROPOSED + (i + 1), times.get(i).toString());
        }
        return fields;
    }

    private static List<Instant> proposed(Map<String, String> fields) {
        List<Instant> times = new ArrayList<>();
        for (int i = 1; fields.containsKey(PROPOSED + i); i++) {
            times.add(instant(fields, PROPOSED + i));
        }
        return times;
    }

    private static Instant instant(Map<String, String> fields, String name) {
        String text = fields.get(name);
        if (text == null) {
            throw new IllegalArgumentException("field '" + name + "' is missing");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("field '" + name + "' is not an ISO-8601 instant: '" + text + "'", e);
        }
    }
}
