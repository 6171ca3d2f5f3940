package org.parley.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.dialogue.TwoNodes.Sent;
import org.parley.dialogue.channel.Admission;
import org.parley.dialogue.channel.ChannelNotice;
import org.parley.dialogue.channel.ChannelPolicy;
import org.parley.dialogue.channel.NoticeReply;
import org.parley.dialogue.phrasebook.PhraseMessage;
import org.parley.dialogue.phrasebook.PhraseUse;
import org.parley.dialogue.phrasebook.Phrasebook;
import org.parley.dialogue.phrasebook.Reader;
import org.parley.dialogue.phrasebook.Rendering;
import org.parley.testing.TestClock;
import org.parley.wire.Category;
import org.parley.wire.Envelope;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Payload;
import org.parley.wire.Precedence;

/**
 * Acceptance replay of the 2021-2023 pattern of unanswered requests for talks (issue 11), over signed and verified envelopes: BLUE asks RED for talks 13 times over 2021 and
 * 2022; 9 are declined or left unanswered; RED suspends all channels it may in August 2022; a
 * SAFETY envelope sent during the suspension is still delivered and acknowledged.
 *
 * <p>The expected statistics are counted by hand from the script below: answered requests took
 * 7, 7, 4, 21, 8 days (2021) and 3, 10, 5 days (2022), so the medians are 7 days (2021), 5 days
 * (2022) and 7 days overall (mean of 7 and 7 among 3, 4, 5, 7, 7, 8, 10, 21).
 */
class DialogueReplayTest {
    private static final Duration DEADLINE = Duration.ofDays(30);

    /** One scripted request: when sent, level, and RED's answer after how many days (or none). */
    private record Step(String sentAt, Level level, String answer, int afterDays) {}

    private static final List<Step> FIRST_ELEVEN = List.of(
            new Step("2021-01-20T09:00:00Z", Level.MINISTERS, "NONE", 0),
            new Step("2021-03-10T09:00:00Z", Level.CHIEFS_OF_DEFENCE, "DECLINE", 7),
            new Step("2021-04-05T09:00:00Z", Level.MARITIME_CONSULTATIVE_TALKS, "ACCEPT", 7),
            new Step("2021-06-01T09:00:00Z", Level.THEATRE_COMMANDERS, "NONE", 0),
            new Step("2021-08-15T09:00:00Z", Level.WORKING_LEVEL, "ACCEPT", 4),
            new Step("2021-09-09T09:00:00Z", Level.MINISTERS, "DECLINE", 21),
            new Step("2021-11-02T09:00:00Z", Level.CHIEFS_OF_DEFENCE, "COUNTER", 8),
            new Step("2022-01-12T09:00:00Z", Level.THEATRE_COMMANDERS, "NONE", 0),
            new Step("2022-03-03T09:00:00Z", Level.MINISTERS, "DECLINE", 3),
            new Step("2022-05-20T09:00:00Z", Level.MARITIME_CONSULTATIVE_TALKS, "ACCEPT", 10),
            new Step("2022-07-01T09:00:00Z", Level.CHIEFS_OF_DEFENCE, "NONE", 0));

    private static final List<Step> AFTER_RESUMPTION = List.of(
            new Step("2022-11-20T09:00:00Z", Level.MINISTERS, "DECLINE", 5),
            new Step("2022-12-15T09:00:00Z", Level.THEATRE_COMMANDERS, "NONE", 0));

    private final TestClock clock = new TestClock(Instant.parse("2021-01-01T00:00:00Z"));

    @TempDir
    @SuppressWarnings("NullAway.Init")
    Path keys;

    @SuppressWarnings("NullAway.Init") // set before each test
    private TwoNodes nodes;

    @BeforeEach
    void replayScript() {
        nodes = new TwoNodes(clock, keys);
        FIRST_ELEVEN.forEach(this::play);
        clock.set(Instant.parse("2022-08-05T04:00:00Z"));
        assertThat(nodes.red.send(
                        new Payload.ChannelNotice(
                                Payload.ChannelNotice.Action.SUSPEND,
                                ChannelPolicy.SUSPENDABLE,
                                "response to a visit: all channels suspended"),
                        Precedence.IMMEDIATE))
                .isInstanceOf(Sent.Delivered.class);
    }

    private void play(Step step) {
        clock.set(Instant.parse(step.sentAt()));
        Instant sent = clock.instant();
        Instant proposed = sent.plus(Duration.ofDays(45));
        Sent request = nodes.blue.send(
                new Payload.DialogueRequest(
                        step.level().name(),
                        "crisis communication " + step.sentAt(),
                        Map.of("deadline", sent.plus(DEADLINE).toString(), "proposed.1", proposed.toString())),
                Precedence.ROUTINE);
        assertThat(request).as(step.toString()).isInstanceOf(Sent.Delivered.class);
        EnvelopeId id = ((Sent.Delivered) request).envelope().id();
        if (step.answer().equals("NONE")) {
            return;
        }
        clock.set(sent.plus(Duration.ofDays(step.afterDays())));
        Map<String, String> fields = switch (step.answer()) {
            case "ACCEPT" -> Map.of("meeting", proposed.toString());
            case "COUNTER" ->
                Map.of("proposed.1", proposed.plus(Duration.ofDays(60)).toString());
            default -> Map.of();
        };
        Sent answer = nodes.red.send(
                new Payload.DialogueAnswer(id, step.answer(), "reason given for " + step.answer(), fields),
                Precedence.ROUTINE);
        assertThat(answer).as(step.toString()).isInstanceOf(Sent.Delivered.class);
    }

    private void resumeAndFinish() {
        clock.set(Instant.parse("2022-11-14T08:00:00Z"));
        Sent resumed = nodes.red.send(
                new Payload.ChannelNotice(
                        Payload.ChannelNotice.Action.RESUME, ChannelPolicy.SUSPENDABLE, "leaders met; talks resume"),
                Precedence.IMMEDIATE);
        assertThat(resumed).isInstanceOf(Sent.Delivered.class);
        AFTER_RESUMPTION.forEach(this::play);
        clock.set(Instant.parse("2023-02-01T00:00:00Z"));
    }

    @Test
    void replay_twoYears_statisticsCountThirteenSentNineDeclinedOrUnanswered() {
        resumeAndFinish();
        DialogueStats stats = nodes.blue.ledger.stats(Period.YEAR);

        assertThat(stats.total())
                .isEqualTo(new StatsRow("ALL", Optional.empty(), 13, 3, 4, 1, 5, 0, Optional.of(Duration.ofDays(7))));
        assertThat(stats.total().declined() + stats.total().unanswered()).isEqualTo(9);
        assertThat(stats.rows())
                .contains(
                        new StatsRow("2021", Optional.empty(), 7, 2, 2, 1, 2, 0, Optional.of(Duration.ofDays(7))),
                        new StatsRow("2022", Optional.empty(), 6, 1, 2, 0, 3, 0, Optional.of(Duration.ofDays(5))),
                        new StatsRow(
                                "2021",
                                Optional.of(Level.MINISTERS),
                                2,
                                0,
                                1,
                                0,
                                1,
                                0,
                                Optional.of(Duration.ofDays(21))),
                        new StatsRow(
                                "2022", Optional.of(Level.THEATRE_COMMANDERS), 2, 0, 0, 0, 2, 0, Optional.empty()));
    }

    @Test
    void replay_bothSides_holdTheSameList() {
        resumeAndFinish();
        assertThat(nodes.blue.ledger.entries()).hasSize(13).isEqualTo(nodes.red.ledger.entries());
        assertThat(nodes.blue.ledger.stats(Period.QUARTER).toCsv())
                .isEqualTo(nodes.red.ledger.stats(Period.QUARTER).toCsv());
    }

    @Test
    void replay_requestDuringSuspension_notSentAndNothingStored() {
        clock.set(Instant.parse("2022-08-20T09:00:00Z"));
        Instant sent = clock.instant();
        Sent attempt = nodes.blue.send(
                new Payload.DialogueRequest(
                        Level.MINISTERS.name(),
                        "talks on the suspension",
                        Map.of(
                                "deadline",
                                sent.plus(DEADLINE).toString(),
                                "proposed.1",
                                sent.plus(Duration.ofDays(10)).toString())),
                Precedence.ROUTINE);

        assertThat(attempt)
                .isInstanceOfSatisfying(
                        Sent.NotSent.class,
                        n -> assertThat(n.reason())
                                .contains("DIALOGUE is suspended by RED since 2022-08-05T04:00:00Z")
                                .contains("SAFETY and LINKTEST remain open"));
        assertThat(nodes.blue.ledger.entries()).hasSize(11);
        assertThat(nodes.red.ledger.entries()).hasSize(11);
    }

    @Test
    void replay_routineTextDuringSuspension_refusedByTheReceiver() {
        clock.set(Instant.parse("2022-09-01T09:00:00Z"));
        Sent text = nodes.blue.send(new Payload.Text("season's greetings"), Precedence.ROUTINE);
        assertThat(text).isInstanceOf(Sent.NotSent.class);
        assertThat(nodes.red.inbox).isEmpty();
    }

    @Test
    void replay_safetyDuringSuspension_deliveredRenderedInChineseAndAcknowledged() {
        clock.set(Instant.parse("2022-12-21T08:10:00Z"));
        PhraseMessage message = PhraseMessage.of(
                PhraseUse.of("MOU.AIR.TOO_CLOSE").with("distance", "20ft"),
                PhraseUse.of("MOU.AIR.KEEP_LATERAL").with("distance", "0.5NM"));
        Sent safety = nodes.blue.send(Phrasebook.payloadOf(message), Precedence.FLASH);

        assertThat(safety).isInstanceOf(Sent.Delivered.class);
        Envelope received = nodes.red.inbox.get(0);
        assertThat(received.category()).isEqualTo(Category.SAFETY);
        Rendering zh = Phrasebook.standard()
                .render(Phrasebook.messageOf((Payload.SafetyNotice) received.payload()), Reader.chinese());
        assertThat(zh)
                .isInstanceOfSatisfying(
                        Rendering.Rendered.class,
                        r -> assertThat(r.text()).isEqualTo("你机距我机20英尺。此举不安全，请立即增大间隔。\n请与我机保持至少0.5海里的横向间隔。"));

        clock.advance(Duration.ofMinutes(4));
        Sent ack = nodes.red.send(new Payload.Ack(received.id(), "duty-officer", clock.instant()), Precedence.FLASH);
        assertThat(ack).isInstanceOf(Sent.Delivered.class);
        assertThat(nodes.blue.inbox)
                .singleElement()
                .satisfies(e -> assertThat(e.payload())
                        .isEqualTo(
                                new Payload.Ack(received.id(), "duty-officer", Instant.parse("2022-12-21T08:14:00Z"))));
    }

    @Test
    void replay_noticeSuspendingSafety_refusedWithReplyAndNothingStored() {
        clock.set(Instant.parse("2022-08-06T00:00:00Z"));
        NoticeReply reply = nodes.red.channels.apply(new ChannelNotice(
                EnvelopeId.generate(clock, new java.security.SecureRandom()),
                TwoNodes.RED,
                Payload.ChannelNotice.Action.SUSPEND,
                Set.of(Category.SAFETY),
                "everything",
                clock.instant(),
                clock.instant()));

        assertThat(reply).isInstanceOf(NoticeReply.Refused.class);
        assertThat(reply.message()).contains("SAFETY cannot be suspended").contains("Nothing was recorded");
        assertThat(nodes.red.channels.notices()).hasSize(1);
        assertThat(nodes.red.channels.admits(Category.SAFETY, clock.instant())).isInstanceOf(Admission.Open.class);
    }

    @Test
    void replay_lateAnswerDuringSuspension_requestStaysUnanswered() {
        EnvelopeId lastId = nodes.blue.ledger.entries().get(10).request().id();
        clock.set(Instant.parse("2022-08-10T00:00:00Z"));
        Sent late = nodes.red.send(new Payload.DialogueAnswer(lastId, "DECLINE", "no", Map.of()), Precedence.ROUTINE);

        assertThat(late).isInstanceOf(Sent.NotSent.class);
        assertThat(nodes.blue.ledger.entry(lastId).orElseThrow().status()).isEqualTo(RequestStatus.NO_RESPONSE);
    }
}
