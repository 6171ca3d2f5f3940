package org.parley.dialogue.phrasebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad messages from the other party are refused with a reason, never thrown. */
class PhrasebookBadInputTest {
    private final Phrasebook book = Phrasebook.standard();

    private String refusal(PhraseMessage message) {
        Rendering rendering = book.render(message, Reader.english());
        assertThat(rendering).isInstanceOf(Rendering.Refused.class);
        return ((Rendering.Refused) rendering).reason();
    }

    @Test
    void render_unknownCode_refusedNamingTheCode() {
        assertThat(refusal(PhraseMessage.of(PhraseUse.of("CUES.ZZ")))).contains("unknown phrase code 'CUES.ZZ'");
    }

    @Test
    void render_missingParameter_refusedNamingIt() {
        assertThat(refusal(PhraseMessage.of(PhraseUse.of("MOU.AIR.CLIMBING"))))
                .contains("phrase 1 (MOU.AIR.CLIMBING): missing parameter 'altitude' (ALTITUDE)");
    }

    @Test
    void render_extraParameter_refusedNamingIt() {
        assertThat(refusal(PhraseMessage.of(PhraseUse.of("CUES.E").with("course", "090"))))
                .contains("unexpected parameter(s) [course]");
    }

    @Test
    void render_courseOf360_refusedAsOutOfRange() {
        assertThat(refusal(PhraseMessage.of(PhraseUse.of("MOU.AIR.TURNING").with("course", "360"))))
                .contains("out of range")
                .contains("[0, 360)");
    }

    @Test
    void render_negativeDistance_refusedAsOutOfRange() {
        assertThat(refusal(PhraseMessage.of(PhraseUse.of("CUES.P.KEEP_DISTANCE").with("distance", "-5yd"))))
                .contains("distance -5yd is out of range");
    }

    @Test
    void render_distanceWithoutUnit_refusedAskingForOne() {
        assertThat(refusal(PhraseMessage.of(PhraseUse.of("CUES.P.KEEP_DISTANCE").with("distance", "500"))))
                .contains("not a distance with a unit");
    }

    @Test
    void render_altitudeAboveCeiling_refused() {
        assertThat(refusal(PhraseMessage.of(PhraseUse.of("MOU.AIR.CLIMBING").with("altitude", "150000ft"))))
                .contains("altitude 150000ft is out of range");
    }

    @Test
    void render_timeNotIso_refused() {
        assertThat(refusal(PhraseMessage.of(PhraseUse.of("HOT.LINKTEST").with("time", "14:05 tomorrow"))))
                .contains("not a UTC time in ISO-8601");
    }

    @Test
    void render_latitudeBeyondPole_refused() {
        assertThat(refusal(PhraseMessage.of(PhraseUse.of("CUES.P.BREAKDOWN").with("position", "91,10"))))
                .contains("position 91,10 is out of range");
    }

    @Test
    void render_freeTextWithoutPhrase_refusedAsNotASafetyMessage() {
        assertThat(refusal(new PhraseMessage(List.of(), "keep clear"))).contains("needs at least one phrase code");
    }

    @Test
    void render_freeTextTooLong_refused() {
        String text = String.join("", Collections.nCopies(Phrasebook.MAX_FREE_TEXT_CHARS + 1, "x"));
        assertThat(refusal(PhraseMessage.of(PhraseUse.of("CUES.K")).withFreeText(text)))
                .contains("at most " + Phrasebook.MAX_FREE_TEXT_CHARS);
    }

    @Test
    void problems_severalFaults_listsEachOne() {
        PhraseMessage message =
                PhraseMessage.of(PhraseUse.of("CUES.P.COURSE_SPEED").with("course", "400"), PhraseUse.of("NOPE"));
        assertThat(book.problems(message))
                .hasSize(3)
                .anySatisfy(p -> assertThat(p).startsWith("phrase 1").contains("course"))
                .anySatisfy(p -> assertThat(p).startsWith("phrase 1").contains("missing parameter 'speed'"))
                .anySatisfy(p -> assertThat(p).startsWith("phrase 2").contains("unknown phrase code 'NOPE'"));
    }

    @Test
    void problems_validMessage_isEmpty() {
        assertThat(book.problems(PhraseMessage.of(PhraseUse.of("CUES.C")))).isEmpty();
    }
}
