package org.parley.cli.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.testing.TestClock;
import picocli.CommandLine;

/** {@code parley dialogue} against a real SQLite file, on a test clock. */
class DialogueCommandIT {
    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T08:00:00Z"));
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    @TempDir
    @SuppressWarnings("NullAway.Init")
    Path dir;

    @BeforeEach
    void reset() {
        out = new StringWriter();
        err = new StringWriter();
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = new CommandLine(new DialogueCommand(clock, new SecureRandom()));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        all[0] = "--store=" + dir.resolve("dialogue.db");
        all[1] = "--party=BLUE";
        System.arraycopy(args, 0, all, 2, args.length);
        return cli.execute(all);
    }

    private void request(String level) {
        assertThat(run("request", "--level", level, "--topic", "air intercepts", "--propose", "2026-04-01T09:00:00Z"))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).startsWith("requested ").contains("(PENDING)");
    }

    @Test
    void requestAnswerListStats_declineAndSilence_countedInStatistics() {
        request("MINISTERS");
        request("working_level");
        clock.advance(Duration.ofDays(3));
        assertThat(run("answer", "1", "--decline", "not at this time"))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("(DECLINED)");

        clock.advance(Duration.ofDays(20));
        assertThat(run("list")).isZero();
        assertThat(out.toString()).contains("DECLINED").contains("NO_RESPONSE").contains("air intercepts");

        assertThat(run("stats")).isZero();
        assertThat(out.toString())
                .startsWith(
                        "period,level,sent,accepted,declined,countered,unanswered,pending,median_seconds_to_answer\r\n")
                .contains("2026,MINISTERS,1,0,1,0,0,0,259200\r\n")
                .contains("2026,WORKING_LEVEL,1,0,0,0,1,0,\r\n")
                .endsWith("ALL,ALL,2,0,1,0,1,0,259200\r\n");
    }

    @Test
    void list_json_isAnArrayWithStatus() {
        request("MINISTERS");
        assertThat(run("list", "--json")).isZero();
        assertThat(out.toString().strip()).startsWith("[").endsWith("]").contains("\"status\" : \"PENDING\"");
    }

    @Test
    void answer_twice_refusedWithReason() {
        request("MINISTERS");
        assertThat(run("answer", "1", "--accept", "2026-04-01T09:00:00Z")).isZero();
        assertThat(run("answer", "1", "--decline", "changed our mind")).isEqualTo(1);
        assertThat(err.toString()).contains("already answered: ACCEPTED");
    }

    @Test
    void answer_unknownRequest_refused() {
        assertThat(run("answer", "7", "--decline", "no")).isEqualTo(1);
        assertThat(err.toString()).contains("unknown request '7'").contains("Nothing was stored");
    }

    @Test
    void request_unknownLevel_usageError() {
        assertThat(run("request", "--level", "EMPERORS", "--topic", "t", "--propose", "2026-04-01T09:00:00Z"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("EMPERORS");
    }

    @Test
    void request_proposedTimeInThePast_refusedNothingStored() {
        assertThat(run("request", "--level", "MINISTERS", "--topic", "t", "--propose", "2020-01-01T00:00:00Z"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("is not after");
        assertThat(run("list", "--json")).isZero();
        assertThat(out.toString().strip()).isEqualTo("[ ]");
    }

    @Test
    void notice_blanketSuspension_refusesDialogueAndSaysSafetyStaysOpen() {
        assertThat(run("notice", "suspend", "--reason", "visit"))
                .as(err.toString())
                .isZero();
        assertThat(out.toString())
                .contains("BLUE suspends [DIALOGUE, ROUTINE]")
                .contains("SAFETY and LINKTEST remain open");
        assertThat(run("notice", "status")).isZero();
        assertThat(out.toString()).contains("[DIALOGUE, ROUTINE]");

        assertThat(run("request", "--level", "MINISTERS", "--topic", "t", "--propose", "2026-04-01T09:00:00Z"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("DIALOGUE is suspended by BLUE");
    }

    @Test
    void notice_suspendSafety_refused() {
        assertThat(run("notice", "suspend", "--category", "safety", "--reason", "all of it"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("SAFETY cannot be suspended").contains("docs/decisions.md, decision 5");
        assertThat(run("notice", "status")).isZero();
        assertThat(out.toString()).contains("suspended at").contains(": []");
    }

    @Test
    void phrase_renderInChinese_showsCatalogueTextWithChineseUnits() {
        assertThat(run("phrase", "--lang", "zh", "CUES.P.CPA", "distance=150yd", "time=2026-08-03T14:05:00Z"))
                .as(err.toString())
                .isZero();
        assertThat(out.toString().strip()).isEqualTo("按目前航向，我们的最近会遇距离将为150码，时间为协调世界时2026年8月3日14:05。");
    }

    @Test
    void phrase_unknownCode_refused() {
        assertThat(run("phrase", "CUES.ZZ")).isEqualTo(1);
        assertThat(err.toString()).contains("unknown phrase code 'CUES.ZZ'");
    }
}
