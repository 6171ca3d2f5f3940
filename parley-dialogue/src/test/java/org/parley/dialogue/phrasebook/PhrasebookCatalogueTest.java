package org.parley.dialogue.phrasebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Walks the whole shipped catalogue: both languages, same parameters, renders with sample values. */
class PhrasebookCatalogueTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    /** A sample argument per kind, and the text each must show as for a nautical reader. */
    private static final Map<ParameterKind, String> SAMPLE = Map.of(
            ParameterKind.COURSE, "045",
            ParameterKind.BEARING, "270.4",
            ParameterKind.DISTANCE, "1852m",
            ParameterKind.SPEED, "12kn",
            ParameterKind.TIME, "2026-08-03T14:05:00Z",
            ParameterKind.ALTITUDE, "3000ft",
            ParameterKind.POSITION, "21.5,114.25",
            ParameterKind.COUNT, "24",
            ParameterKind.NAME, "Lingshui (ZJLS)");

    private final Phrasebook book = Phrasebook.standard();

    @Test
    void phrases_standardCatalogue_hasAtLeastSixtyPhrasesFromTheThreeSources() {
        List<Phrase> phrases = book.phrases();
        assertThat(phrases).hasSizeGreaterThanOrEqualTo(60);
        Set<String> groups = phrases.stream().map(Phrase::groupId).collect(Collectors.toSet());
        assertThat(groups).contains("CUES_SIGNALS", "CUES_PROCEDURES", "MOU_SEA", "MOU_AIR", "HOTLINE");
        assertThat(phrases).allSatisfy(p -> assertThat(p.source()).isNotBlank());
        assertThat(phrases)
                .filteredOn(p -> p.groupId().startsWith("CUES"))
                .allSatisfy(p -> assertThat(p.source()).contains("CUES 2014"));
        assertThat(phrases)
                .filteredOn(p -> p.groupId().startsWith("MOU"))
                .allSatisfy(p ->
                        assertThat(p.source()).contains("Rules of Behavior for Safety of Air and Maritime Encounters"));
    }

    @Test
    void phrases_everyPhrase_hasBothLanguagesWithTheDeclaredParameters() {
        for (Phrase phrase : book.phrases()) {
            Set<String> declared = phrase.parameters().stream()
                    .map(PhraseParameter::name)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            assertThat(placeholders(phrase.english())).as(phrase.code() + " EN").isEqualTo(declared);
            assertThat(placeholders(phrase.chinese())).as(phrase.code() + " ZH").isEqualTo(declared);
            assertThat(HAN.matcher(phrase.chinese()).find())
                    .as(phrase.code() + " ZH is Chinese")
                    .isTrue();
            assertThat(HAN.matcher(phrase.english()).find())
                    .as(phrase.code() + " EN has no Han")
                    .isFalse();
        }
    }

    @Test
    void render_emergencyWithCountAndName_showsBothAsWrittenInBothLanguages() {
        PhraseMessage message = PhraseMessage.of(PhraseUse.of("EMG.DECLARE")
                .with("unit", "EP-3E 156511")
                .with("position", "18.4,110.0")
                .with("time", "2001-04-01T01:15:00Z")
                .with("souls", "24"));

        String en = ((Rendering.Rendered) book.render(message, Reader.english())).text();
        String zh = ((Rendering.Rendered) book.render(message, Reader.chinese())).text();

        assertThat(en).startsWith("MAYDAY.").contains("EP-3E 156511", "24 persons on board");
        assertThat(zh).contains("EP-3E 156511", "共24人");
    }

    @Test
    void problems_countAndNameOutOfShape_refusedWithWhatToWrite() {
        PhraseMessage message = PhraseMessage.of(
                PhraseUse.of("EMG.REQUEST_LANDING").with("unit", "<script>").with("place", "Lingshui"));
        assertThat(book.problems(message)).singleElement().asString().contains("is not a name");
        PhraseMessage souls = PhraseMessage.of(
                PhraseUse.of("EMG.SAR_REQUEST").with("position", "18.4,110.0").with("souls", "many"));
        assertThat(book.problems(souls)).singleElement().asString().contains("is not a whole number");
    }

    @Test
    void render_everyPhraseWithSampleValues_rendersInBothLanguagesWithoutError() {
        for (Phrase phrase : book.phrases()) {
            PhraseUse use = PhraseUse.of(phrase.code());
            for (PhraseParameter parameter : phrase.parameters()) {
                use = use.with(parameter.name(), SAMPLE.get(parameter.kind()));
            }
            for (Reader reader : List.of(
                    Reader.english(),
                    Reader.chinese(),
                    new Reader(Language.EN, UnitSystem.METRIC),
                    new Reader(Language.ZH, UnitSystem.METRIC))) {
                Rendering rendering = book.render(PhraseMessage.of(use), reader);
                assertThat(rendering).as(phrase.code() + " " + reader).isInstanceOf(Rendering.Rendered.class);
                String text = ((Rendering.Rendered) rendering).text();
                assertThat(text).as(phrase.code()).doesNotContain("{", "}").isNotBlank();
                if (phrase.parameters().stream().anyMatch(p -> p.kind() == ParameterKind.COURSE)) {
                    assertThat(text).contains("045°");
                }
                if (phrase.parameters().stream().anyMatch(p -> p.kind() == ParameterKind.BEARING)) {
                    assertThat(text).contains("270°");
                }
            }
        }
    }

    @Test
    void read_placeholderOnlyInEnglish_failsNamingThePhrase() {
        String json = """
                {"groups":[{"id":"G","source":"test","phrases":[
                  {"code":"T.ONE","params":[{"name":"course","kind":"COURSE"}],
                   "en":"Course {course}.","zh":"航向。"}]}]}
                """;
        assertThatThrownBy(() -> Phrasebook.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("T.ONE")
                .hasMessageContaining("ZH");
    }

    @Test
    void read_duplicateCode_failsNamingTheCode() {
        String json = """
                {"groups":[{"id":"G","source":"test","phrases":[
                  {"code":"T.ONE","params":[],"en":"One.","zh":"一。"},
                  {"code":"T.ONE","params":[],"en":"Two.","zh":"二。"}]}]}
                """;
        assertThatThrownBy(() -> Phrasebook.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("T.ONE appears twice");
    }

    @Test
    void read_speedShownInYards_failsNamingTheParameter() {
        String json = """
                {"groups":[{"id":"G","source":"test","phrases":[
                  {"code":"T.ONE","params":[{"name":"speed","kind":"SPEED","unit":"YD"}],
                   "en":"At {speed}.","zh":"速度{speed}。"}]}]}
                """;
        assertThatThrownBy(() -> Phrasebook.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("speed");
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
