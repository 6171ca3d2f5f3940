package org.parley.dialogue.phrasebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.wire.Payload;

class PhrasebookWireTest {
    @Test
    void payloadOf_twoPhrasesWithTheSameParameterName_keepsEachValueWithItsPhrase() {
        PhraseMessage message = PhraseMessage.of(
                        PhraseUse.of("MOU.AIR.TOO_CLOSE").with("distance", "20ft"),
                        PhraseUse.of("MOU.AIR.KEEP_LATERAL").with("distance", "0.5NM"))
                .withFreeText("see attached");

        Payload.SafetyNotice payload = Phrasebook.payloadOf(message);

        assertThat(payload.phraseCodes()).containsExactly("MOU.AIR.TOO_CLOSE", "MOU.AIR.KEEP_LATERAL");
        assertThat(payload.parameters()).isEqualTo(Map.of("1.distance", "20ft", "2.distance", "0.5NM"));
        assertThat(Phrasebook.messageOf(payload)).isEqualTo(message);
    }

    @Test
    void messageOf_parameterWithoutPhraseNumber_isReportedAsAProblem() {
        Payload.SafetyNotice payload = new Payload.SafetyNotice(List.of("CUES.E"), Map.of("course", "090"), "");
        assertThat(Phrasebook.standard().problems(Phrasebook.messageOf(payload)))
                .anySatisfy(p -> assertThat(p).contains("UNNUMBERED.PARAMETERS"));
    }
}
