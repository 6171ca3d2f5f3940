package org.parley.dialogue.phrasebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.parley.testing.Generators;
import org.parley.testing.SeededTest;

/**
 * Rendering of single phrases. Expected texts are written by hand from the catalogue templates and
 * the unit definitions (1 NM = 1852 m, 1 yd = 0.9144 m, 1 ft = 0.3048 m, 1 kn = 1.852 km/h).
 */
class PhrasebookRenderTest {
    private final Phrasebook book = Phrasebook.standard();

    private String render(PhraseMessage message, Reader reader) {
        Rendering rendering = book.render(message, reader);
        assertThat(rendering).isInstanceOf(Rendering.Rendered.class);
        return ((Rendering.Rendered) rendering).text();
    }

    private static PhraseMessage cpa(String distance) {
        return PhraseMessage.of(
                PhraseUse.of("CUES.P.CPA").with("distance", distance).with("time", "2026-08-03T14:05:00Z"));
    }

    @Test
    void render_cpaInYardsForEnglishReader_showsYardsAndUtc() {
        assertThat(render(cpa("150yd"), Reader.english()))
                .isEqualTo("On present courses our closest point of approach will be 150 yd at 14:05 UTC 2026-08-03.");
    }

    @Test
    void render_cpaInYardsForChineseReader_showsChineseUnitsAndDate() {
        assertThat(render(cpa("150yd"), Reader.chinese())).isEqualTo("按目前航向，我们的最近会遇距离将为150码，时间为协调世界时2026年8月3日14:05。");
    }

    @Test
    void render_cpaForMetricReader_showsMetres() {
        // 150 yd = 137.16 m
        assertThat(render(cpa("150yd"), new Reader(Language.EN, UnitSystem.METRIC)))
                .contains("be 137 m at");
    }

    @Test
    void render_distanceInMetresShownInNauticalMiles_convertsExactly() {
        PhraseMessage message = PhraseMessage.of(PhraseUse.of("CUES.P.YOUR_BEARING_RANGE")
                .with("bearing", "359.6")
                .with("range", "2778m"));
        // 2778 m / 1852 = 1.5 NM; 359.6° rounds to 000°
        assertThat(render(message, Reader.english())).isEqualTo("You bear 000° from me at a range of 1.5 NM.");
        assertThat(render(message, Reader.chinese())).isEqualTo("你船位于我船方位000°，距离1.5海里。");
    }

    @Test
    void render_airStateForMetricChineseReader_showsMetresAndKilometresPerHour() {
        PhraseMessage message = PhraseMessage.of(PhraseUse.of("MOU.AIR.OWN_STATE")
                .with("position", "-33.8568,151.2153")
                .with("altitude", "3000ft")
                .with("course", "090")
                .with("speed", "300kn"));
        // 3000 ft = 914.4 m; 300 kn = 555.6 km/h; 33.8568° = 33°51.408′; 151.2153° = 151°12.918′
        assertThat(render(message, new Reader(Language.ZH, UnitSystem.METRIC)))
                .isEqualTo("我机位于南纬33°51.4′、东经151°12.9′，高度914米，航向090°，速度556公里/小时。");
        assertThat(render(message, Reader.english()))
                .isEqualTo("I am at 33°51.4′S 151°12.9′E, altitude 3000 ft, heading 090°, speed 300 kn.");
    }

    @Test
    void render_freeTextAttached_isShownLastAndMarkedUntranslated() {
        PhraseMessage message = PhraseMessage.of(PhraseUse.of("CUES.PP")).withFreeText("请保持距离 / keep away");
        assertThat(render(message, Reader.english()))
                .isEqualTo("Keep well clear of me.\n[Free text, untranslated, as sent] 请保持距离 / keep away");
        assertThat(render(message, Reader.chinese())).isEqualTo("请远离我船。\n［附言，未翻译，按原文］请保持距离 / keep away");
    }

    @Test
    void render_severalPhrases_rendersOneLineEach() {
        PhraseMessage message = PhraseMessage.of(PhraseUse.of("CUES.K"), PhraseUse.of("CUES.E"));
        assertThat(render(message, Reader.english()))
                .isEqualTo("I wish to communicate with you.\nI am altering my course to starboard.");
    }

    @SeededTest(tries = 200)
    void render_anyWholeYardDistance_showsTheSameYards(SplittableRandom random) {
        int yards = Generators.intBetween(random, 0, 2_000_000) >> random.nextInt(21);
        String text = render(
                PhraseMessage.of(PhraseUse.of("CUES.P.KEEP_DISTANCE").with("distance", yards + "yd")),
                Reader.english());
        assertThat(text).isEqualTo("Request you keep at least " + yards + " yd from me.");
    }

    @SeededTest(tries = 200)
    void render_anyCourse_showsThreeDigitsOfTheRoundedCourse(SplittableRandom random) {
        double course = Generators.doubleBetween(random, 0, 359.99);
        String argument = String.format(java.util.Locale.ROOT, "%.2f", course);
        String text =
                render(PhraseMessage.of(PhraseUse.of("MOU.AIR.TURNING").with("course", argument)), Reader.english());
        long expected = Math.round(Double.parseDouble(argument)) % 360;
        assertThat(text)
                .isEqualTo(String.format(
                        java.util.Locale.ROOT, "I am turning to heading %03d° to increase separation.", expected));
    }
}
