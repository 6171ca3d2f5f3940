package org.parley.dialogue.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.testing.TestClock;
import org.parley.wire.Category;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Party;
import org.parley.wire.Payload.ChannelNotice.Action;

class ChannelPolicyTest {
    private static final Party BLUE = Party.of("BLUE");
    private static final Party RED = Party.of("RED");
    private final TestClock clock = TestClock.atEpochOfTests();
    private final SecureRandom random = new SecureRandom();
    private final ChannelPolicy policy = ChannelPolicy.inMemory(clock);

    private EnvelopeId id() {
        return EnvelopeId.generate(clock, random);
    }

    private ChannelNotice notice(Party from, Action action, Set<Category> categories, Instant effective) {
        return new ChannelNotice(id(), from, action, categories, "exercise of policy", effective, clock.instant());
    }

    @Test
    void apply_blanketSuspension_suspendsDialogueAndRoutineButNotSafetyOrLinkTest() {
        Instant now = clock.instant();
        NoticeReply reply = policy.apply(ChannelNotice.suspendAll(id(), RED, "visit to the island", now, now));

        assertThat(reply).isInstanceOf(NoticeReply.Applied.class);
        assertThat(reply.message())
                .contains("RED suspends [DIALOGUE, ROUTINE]")
                .contains("SAFETY and LINKTEST remain open");
        assertThat(policy.admits(Category.DIALOGUE, now)).isInstanceOf(Admission.Suspended.class);
        assertThat(policy.admits(Category.ROUTINE, now)).isInstanceOf(Admission.Suspended.class);
        assertThat(policy.admits(Category.SAFETY, now)).isEqualTo(new Admission.Open(Category.SAFETY));
        assertThat(policy.admits(Category.LINKTEST, now)).isEqualTo(new Admission.Open(Category.LINKTEST));
        assertThat(policy.admits(Category.ACK, now)).isEqualTo(new Admission.Open(Category.ACK));
    }

    @Test
    void apply_suspensionOfSafety_refusedAndNothingStored() {
        NoticeReply reply =
                policy.apply(notice(RED, Action.SUSPEND, Set.of(Category.DIALOGUE, Category.SAFETY), clock.instant()));

        assertThat(reply).isInstanceOf(NoticeReply.Refused.class);
        assertThat(reply.message())
                .contains("SAFETY cannot be suspended")
                .contains("docs/decisions.md, decision 5")
                .contains("Nothing was recorded");
        assertThat(policy.notices()).isEmpty();
        assertThat(policy.admits(Category.DIALOGUE, clock.instant())).isInstanceOf(Admission.Open.class);
    }

    @Test
    void apply_suspensionOfLinkTest_refused() {
        NoticeReply reply = policy.apply(notice(BLUE, Action.SUSPEND, Set.of(Category.LINKTEST), clock.instant()));
        assertThat(reply.message()).contains("LINKTEST cannot be suspended");
        assertThat(policy.notices()).isEmpty();
    }

    @Test
    void apply_suspensionOfAcknowledgments_refusedAsProtocolTraffic() {
        NoticeReply reply = policy.apply(notice(BLUE, Action.SUSPEND, Set.of(Category.ACK), clock.instant()));
        assertThat(reply).isInstanceOf(NoticeReply.Refused.class);
        assertThat(reply.message()).contains("ACK is protocol traffic");
    }

    @Test
    void apply_futureEffectiveTime_suspendsOnlyFromThen() {
        Instant from = clock.instant().plus(Duration.ofDays(2));
        policy.apply(notice(BLUE, Action.SUSPEND, Set.of(Category.ROUTINE), from));

        assertThat(policy.admits(Category.ROUTINE, from.minusSeconds(1))).isInstanceOf(Admission.Open.class);
        assertThat(policy.admits(Category.ROUTINE, from)).isInstanceOf(Admission.Suspended.class);
        assertThat(policy.admits(Category.DIALOGUE, from)).isInstanceOf(Admission.Open.class);
    }

    @Test
    void apply_resumeByTheSuspendingParty_reopens() {
        Instant t0 = clock.instant();
        policy.apply(notice(RED, Action.SUSPEND, Set.of(Category.DIALOGUE), t0));
        clock.advance(Duration.ofDays(100));
        NoticeReply reply = policy.apply(notice(RED, Action.RESUME, Set.of(Category.DIALOGUE), clock.instant()));

        assertThat(reply).isInstanceOf(NoticeReply.Applied.class);
        assertThat(policy.admits(Category.DIALOGUE, clock.instant())).isInstanceOf(Admission.Open.class);
        assertThat(policy.admits(Category.DIALOGUE, t0.plusSeconds(1))).isInstanceOf(Admission.Suspended.class);
    }

    @Test
    void apply_resumeByTheOtherParty_refusedAndSuspensionStays() {
        policy.apply(notice(RED, Action.SUSPEND, Set.of(Category.DIALOGUE), clock.instant()));
        NoticeReply reply = policy.apply(notice(BLUE, Action.RESUME, Set.of(Category.DIALOGUE), clock.instant()));

        assertThat(reply).isInstanceOf(NoticeReply.Refused.class);
        assertThat(reply.message()).contains("BLUE has not suspended DIALOGUE");
        assertThat(policy.admits(Category.DIALOGUE, clock.instant()))
                .isInstanceOfSatisfying(
                        Admission.Suspended.class, s -> assertThat(s.by()).isEqualTo(RED));
    }

    @Test
    void apply_bothPartiesSuspendAndOneResumes_staysSuspendedByTheOther() {
        policy.apply(notice(RED, Action.SUSPEND, Set.of(Category.ROUTINE), clock.instant()));
        policy.apply(notice(BLUE, Action.SUSPEND, Set.of(Category.ROUTINE), clock.instant()));
        clock.advance(Duration.ofHours(1));
        policy.apply(notice(RED, Action.RESUME, Set.of(Category.ROUTINE), clock.instant()));

        assertThat(policy.admits(Category.ROUTINE, clock.instant()))
                .isInstanceOfSatisfying(
                        Admission.Suspended.class, s -> assertThat(s.by()).isEqualTo(BLUE));
    }

    @Test
    void apply_blankReason_refused() {
        NoticeReply reply = policy.apply(new ChannelNotice(
                id(), RED, Action.SUSPEND, Set.of(Category.DIALOGUE), " ", clock.instant(), clock.instant()));
        assertThat(reply.message()).contains("gives no reason");
        assertThat(policy.notices()).isEmpty();
    }

    @Test
    void apply_backDatedByADay_refused() {
        Instant issued = clock.instant();
        NoticeReply reply = policy.apply(new ChannelNotice(
                id(), RED, Action.SUSPEND, Set.of(Category.DIALOGUE), "r", issued.minus(Duration.ofDays(1)), issued));
        assertThat(reply.message()).contains("cannot be back-dated");
    }

    @Test
    void apply_sameNoticeTwice_recordedOnce() {
        ChannelNotice notice = notice(RED, Action.SUSPEND, Set.of(Category.DIALOGUE), clock.instant());
        policy.apply(notice);
        NoticeReply again = policy.apply(notice);

        assertThat(again).isInstanceOf(NoticeReply.Applied.class);
        assertThat(again.message()).contains("already recorded");
        assertThat(policy.notices()).hasSize(1);
    }
}
