package org.parley.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.dialogue.channel.ChannelPolicy;
import org.parley.testing.TestClock;
import org.parley.wire.Envelope;
import org.parley.wire.EnvelopeCodec;
import org.parley.wire.KeyId;
import org.parley.wire.Party;
import org.parley.wire.Payload;

class WirePayloadsTest {
    private static final Party BLUE = Party.of("BLUE");
    private static final Party RED = Party.of("RED");
    private final TestClock clock = TestClock.atEpochOfTests();
    private final SecureRandom random = new SecureRandom();
    private final DialogueLedger ledger = DialogueLedger.inMemory(ChannelPolicy.inMemory(clock), clock);

    private Envelope envelope(Party from, Party to, Payload payload) {
        Envelope built = Envelope.builder(clock, random)
                .from(from)
                .to(to)
                .payload(payload)
                .signer(new KeyId("0123456789abcdef0123456789abcdef"))
                .build();
        return EnvelopeCodec.parse(EnvelopeCodec.canonicalBytes(built)).orElseThrow();
    }

    @Test
    void record_requestAndCounterEnvelopes_roundTripThroughTheWire() {
        Instant now = clock.instant();
        DialogueRequest draft = new DialogueRequest(
                new org.parley.wire.EnvelopeId(java.util.UUID.randomUUID()),
                BLUE,
                RED,
                Level.WORKING_LEVEL,
                "incidents at sea",
                List.of(now.plus(Duration.ofDays(9)), now.plus(Duration.ofDays(8))),
                now.plus(Duration.ofDays(5)),
                now);
        Envelope request = envelope(BLUE, RED, DialogueLedger.payloadOf(draft));
        DialogueEntry entry = ((Outcome.Recorded<DialogueEntry>) ledger.record(request)).value();

        assertThat(entry.request().id()).isEqualTo(request.id());
        assertThat(entry.request().proposedTimes()).isEqualTo(draft.proposedTimes());
        assertThat(entry.request().answerDeadline()).isEqualTo(draft.answerDeadline());
        assertThat(entry.request().level()).isEqualTo(Level.WORKING_LEVEL);

        clock.advance(Duration.ofDays(1));
        Answer.Countered counter = new Answer.Countered(
                request.id(),
                request.id(),
                RED,
                clock.instant(),
                List.of(now.plus(Duration.ofDays(20))),
                "a week later");
        Envelope answer = envelope(RED, BLUE, DialogueLedger.payloadOf(counter));
        assertThat(ledger.record(answer)).isInstanceOf(Outcome.Recorded.class);
        assertThat(ledger.entry(request.id()).orElseThrow().answer().orElseThrow())
                .isEqualTo(new Answer.Countered(
                        request.id(), answer.id(), RED, answer.created(), counter.proposedTimes(), "a week later"));
    }

    @Test
    void record_unknownLevel_refused() {
        Envelope bad = envelope(BLUE, RED, new Payload.DialogueRequest("EMPERORS", "t", Map.of()));
        assertThat(ledger.record(bad))
                .isInstanceOfSatisfying(
                        Outcome.Refused.class, r -> assertThat(r.reason()).contains("unknown level 'EMPERORS'"));
    }

    @Test
    void record_requestWithoutDeadline_refused() {
        Envelope bad = envelope(BLUE, RED, new Payload.DialogueRequest("MINISTERS", "t", Map.of("proposed.1", "x")));
        assertThat(ledger.record(bad))
                .isInstanceOfSatisfying(
                        Outcome.Refused.class, r -> assertThat(r.reason()).contains("field 'deadline' is missing"));
        assertThat(ledger.entries()).isEmpty();
    }

    @Test
    void record_noResponseSentOverTheWire_refused() {
        Envelope bad = envelope(
                RED,
                BLUE,
                new Payload.DialogueAnswer(
                        new org.parley.wire.EnvelopeId(java.util.UUID.randomUUID()), "NO_RESPONSE", "", Map.of()));
        assertThat(ledger.record(bad))
                .isInstanceOfSatisfying(
                        Outcome.Refused.class,
                        r -> assertThat(r.reason()).contains("unknown answer code 'NO_RESPONSE'"));
    }

    @Test
    void record_safetyEnvelope_refusedAsNotDialogue() {
        Envelope safety = envelope(BLUE, RED, new Payload.SafetyNotice(List.of("CUES.U"), Map.of(), ""));
        assertThat(ledger.record(safety)).isInstanceOf(Outcome.Refused.class);
    }
}
