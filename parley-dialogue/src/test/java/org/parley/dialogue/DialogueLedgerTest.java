package org.parley.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.dialogue.channel.ChannelNotice;
import org.parley.dialogue.channel.ChannelPolicy;
import org.parley.testing.TestClock;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Party;

class DialogueLedgerTest {
    private static final Party BLUE = Party.of("BLUE");
    private static final Party RED = Party.of("RED");
    private final TestClock clock = TestClock.atEpochOfTests();
    private final SecureRandom random = new SecureRandom();
    private final ChannelPolicy channels = ChannelPolicy.inMemory(clock);
    private final DialogueLedger ledger = DialogueLedger.inMemory(channels, clock);

    private EnvelopeId id() {
        return EnvelopeId.generate(clock, random);
    }

    private DialogueRequest request(Duration deadlineIn, Instant... proposed) {
        Instant now = clock.instant();
        return new DialogueRequest(
                id(),
                BLUE,
                RED,
                Level.CHIEFS_OF_DEFENCE,
                "air intercepts",
                List.of(proposed),
                now.plus(deadlineIn),
                now);
    }

    private DialogueRequest recorded() {
        DialogueRequest request = request(Duration.ofDays(14), clock.instant().plus(Duration.ofDays(30)));
        assertThat(ledger.request(request)).isInstanceOf(Outcome.Recorded.class);
        return request;
    }

    private static String reason(Outcome<?> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Refused.class);
        return ((Outcome.Refused<?>) outcome).reason();
    }

    @Test
    void request_valid_isPendingInTheList() {
        DialogueRequest request = recorded();
        assertThat(ledger.entries()).singleElement().satisfies(e -> {
            assertThat(e.request()).isEqualTo(request);
            assertThat(e.status()).isEqualTo(RequestStatus.PENDING);
        });
    }

    @Test
    void answer_acceptAtProposedTime_recordsAccepted() {
        DialogueRequest request = recorded();
        clock.advance(Duration.ofDays(2));
        Outcome<DialogueEntry> outcome = ledger.answer(new Answer.Accepted(
                request.id(),
                id(),
                RED,
                clock.instant(),
                request.proposedTimes().get(0)));

        assertThat(outcome).isInstanceOf(Outcome.Recorded.class);
        assertThat(ledger.entry(request.id()).orElseThrow().status()).isEqualTo(RequestStatus.ACCEPTED);
    }

    @Test
    void recordDeadlines_deadlinePassed_recordsNoResponseAtTheDeadline() {
        DialogueRequest request = recorded();
        clock.advance(Duration.ofDays(14));

        assertThat(ledger.recordDeadlines())
                .containsExactly(new Answer.NoResponse(request.id(), request.answerDeadline()));
        assertThat(ledger.entry(request.id()).orElseThrow().status()).isEqualTo(RequestStatus.NO_RESPONSE);
        assertThat(ledger.recordDeadlines()).isEmpty();
    }

    @Test
    void entries_beforeDeadline_staysPending() {
        recorded();
        clock.advance(Duration.ofDays(14).minusSeconds(1));
        assertThat(ledger.entries())
                .singleElement()
                .extracting(DialogueEntry::status)
                .isEqualTo(RequestStatus.PENDING);
    }

    @Test
    void answer_datedBeforeDeadlineArrivingAfterNoResponse_replacesIt() {
        DialogueRequest request = recorded();
        Instant answeredAt = request.answerDeadline().minusSeconds(60);
        clock.advance(Duration.ofDays(15));
        ledger.recordDeadlines();

        Outcome<DialogueEntry> outcome =
                ledger.answer(new Answer.Declined(request.id(), id(), RED, answeredAt, "busy"));

        assertThat(outcome).isInstanceOf(Outcome.Recorded.class);
        assertThat(ledger.entry(request.id()).orElseThrow().status()).isEqualTo(RequestStatus.DECLINED);
    }

    @Test
    void answer_afterDeadline_refused() {
        DialogueRequest request = recorded();
        clock.advance(Duration.ofDays(20));
        String reason = reason(ledger.answer(new Answer.Declined(request.id(), id(), RED, clock.instant(), "late")));
        assertThat(reason).contains("deadline").contains("NO_RESPONSE was recorded");
    }

    @Test
    void answer_unknownRequest_refusedAndNothingStored() {
        recorded();
        String reason = reason(ledger.answer(new Answer.Declined(id(), id(), RED, clock.instant(), "no")));
        assertThat(reason).startsWith("unknown request");
        assertThat(ledger.entries())
                .singleElement()
                .extracting(DialogueEntry::status)
                .isEqualTo(RequestStatus.PENDING);
    }

    @Test
    void answer_alreadyAnswered_refusedAndFirstAnswerKept() {
        DialogueRequest request = recorded();
        ledger.answer(new Answer.Declined(request.id(), id(), RED, clock.instant(), "no"));
        String reason = reason(ledger.answer(new Answer.Accepted(
                request.id(),
                id(),
                RED,
                clock.instant(),
                request.proposedTimes().get(0))));

        assertThat(reason).contains("already answered: DECLINED");
        assertThat(ledger.entry(request.id()).orElseThrow().status()).isEqualTo(RequestStatus.DECLINED);
    }

    @Test
    void answer_byTheRequester_refused() {
        DialogueRequest request = recorded();
        assertThat(reason(ledger.answer(new Answer.Declined(request.id(), id(), BLUE, clock.instant(), "no"))))
                .contains("only RED may answer");
    }

    @Test
    void answer_acceptAtTimeNotProposed_refusedPointingToCounterProposal() {
        DialogueRequest request = recorded();
        String reason = reason(ledger.answer(new Answer.Accepted(
                request.id(), id(), RED, clock.instant(), clock.instant().plus(Duration.ofDays(3)))));
        assertThat(reason).contains("not one of the proposed times").contains("counter-proposal");
    }

    @Test
    void answer_declineWithoutReason_refused() {
        DialogueRequest request = recorded();
        assertThat(reason(ledger.answer(new Answer.Declined(request.id(), id(), RED, clock.instant(), ""))))
                .contains("reason must be given");
    }

    @Test
    void answer_noResponseSentAsAnswer_refused() {
        DialogueRequest request = recorded();
        assertThat(reason(ledger.answer(new Answer.NoResponse(request.id(), clock.instant()))))
                .contains("never sent");
    }

    @Test
    void answer_counterProposalWithNewTimes_recordsCountered() {
        DialogueRequest request = recorded();
        Outcome<DialogueEntry> outcome = ledger.answer(new Answer.Countered(
                request.id(),
                id(),
                RED,
                clock.instant(),
                List.of(clock.instant().plus(Duration.ofDays(60))),
                "later"));
        assertThat(outcome).isInstanceOf(Outcome.Recorded.class);
        assertThat(ledger.entry(request.id()).orElseThrow().status()).isEqualTo(RequestStatus.COUNTERED);
    }

    @Test
    void request_noProposedTime_refused() {
        assertThat(reason(ledger.request(request(Duration.ofDays(1))))).contains("give 1 to 10 proposed times");
        assertThat(ledger.entries()).isEmpty();
    }

    @Test
    void request_proposedTimeInThePast_refused() {
        assertThat(reason(ledger.request(
                        request(Duration.ofDays(1), clock.instant().minusSeconds(1)))))
                .contains("is not after");
    }

    @Test
    void request_deadlineBeforeSending_refused() {
        assertThat(reason(ledger.request(
                        request(Duration.ofDays(-1), clock.instant().plus(Duration.ofDays(3))))))
                .contains("answer deadline");
    }

    @Test
    void request_blankTopic_refused() {
        Instant now = clock.instant();
        DialogueRequest blank = new DialogueRequest(
                id(), BLUE, RED, Level.MINISTERS, "  ", List.of(now.plusSeconds(60)), now.plusSeconds(30), now);
        assertThat(reason(ledger.request(blank))).contains("topic");
    }

    @Test
    void request_toItself_refused() {
        Instant now = clock.instant();
        DialogueRequest self = new DialogueRequest(
                id(), BLUE, BLUE, Level.MINISTERS, "t", List.of(now.plusSeconds(60)), now.plusSeconds(30), now);
        assertThat(reason(ledger.request(self))).contains("other party");
    }

    @Test
    void request_whileDialogueSuspended_refusedAndNothingStored() {
        Instant now = clock.instant();
        channels.apply(ChannelNotice.suspendAll(id(), RED, "visit", now, now));
        String reason = reason(ledger.request(request(Duration.ofDays(3), now.plus(Duration.ofDays(5)))));
        assertThat(reason).contains("DIALOGUE is suspended by RED").contains("nothing was stored");
        assertThat(ledger.entries()).isEmpty();
    }

    @Test
    void request_sameRequestTwice_recordedOnce() {
        DialogueRequest request = recorded();
        assertThat(ledger.request(request)).isInstanceOf(Outcome.Recorded.class);
        assertThat(ledger.entries()).hasSize(1);
    }
}
