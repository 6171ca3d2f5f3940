package org.parley.encounter;

import java.time.Instant;
import java.util.List;
import org.parley.track.TargetId;
import org.parley.track.Transponder;

/**
 * The four incidents of docs/scenarios.md and their negative variants. Keyframes: seconds,
 * metres ahead of the reference unit, metres to its starboard, feet above it.
 */
final class Scenarios {
    static final double YARD = 0.9144;
    static final double FOOT = 0.3048;
    static final double NM = 1852;

    static final TargetId CHUNG_HOON = new TargetId.Mmsi(369970093);
    static final TargetId LUYANG = new TargetId.Mmsi(412000132);
    static final TargetId RC135_2023 = new TargetId.IcaoAddress(0xAE5420);
    static final TargetId J16 = new TargetId.IcaoAddress(0x780A16);
    static final TargetId RC135_2022 = new TargetId.IcaoAddress(0xAE5421);
    static final TargetId J11 = new TargetId.IcaoAddress(0x780B11);
    static final TargetId EP3E = new TargetId.IcaoAddress(0xAE1565);
    static final TargetId J8 = new TargetId.IcaoAddress(0x7808F1);

    private Scenarios() {}

    private static ScenarioScript.Key yards(double minutes, double ahead, double starboard) {
        return new ScenarioScript.Key(minutes * 60, ahead * YARD, starboard * YARD, 0);
    }

    private static ScenarioScript.Key feet(double seconds, double ahead, double starboard, double above) {
        return new ScenarioScript.Key(seconds, ahead * FOOT, starboard * FOOT, above);
    }

    private static ScenarioScript ship(List<ScenarioScript.Key> keys) {
        // Chung-Hoon northbound in the Taiwan Strait at 15 kn, slowing to 10 kn at 19 min.
        return new ScenarioScript(
                Instant.parse("2023-06-03T09:00:00Z"),
                CHUNG_HOON,
                LUYANG,
                24.2,
                119.4,
                30,
                List.of(new ScenarioScript.SpeedChange(0, 15), new ScenarioScript.SpeedChange(19 * 60, 10)),
                Double.NaN,
                keys,
                6,
                Transponder.AIS_CLASS_A);
    }

    /** (a) Overtakes to port at 700 yd, pulls ahead, cuts across the bow at 150 yd. */
    static ScenarioScript chungHoon() {
        return ship(List.of(
                yards(0, -4500, -700),
                yards(14, 0, -700),
                yards(17, 1200, -600),
                yards(19.5, 150, 0),
                yards(21.5, 300, 800),
                yards(26, 2500, 1800)));
    }

    /**
     * The same overtake, but the destroyer drifts across the bow slowly, from 700 yd abeam to 150 yd
     * ahead over 6 min: its course differs from Chung-Hoon's by only about 12 degrees, inside the
     * parallel-traffic band, so only the predicted bow crossing tells it from lane traffic.
     */
    static ScenarioScript chungHoonShallowCut() {
        return ship(List.of(
                yards(0, -4500, -700),
                yards(13, 0, -700),
                yards(19, 150, 0),
                yards(21, 600, 500),
                yards(26, 2500, 1800)));
    }

    static ScenarioScript chungHoonMovingApart() {
        return ship(List.of(yards(0, 0, -2000), yards(26, -3000, -14000)));
    }

    static ScenarioScript chungHoonPassingAt5Nm() {
        double fiveNm = 5 * NM / YARD;
        return ship(List.of(yards(0, -4500, -fiveNm), yards(26, 9000, -fiveNm)));
    }

    private static ScenarioScript air(
            String start,
            TargetId reference,
            TargetId other,
            double lat,
            double lon,
            double course,
            double knots,
            double feet,
            List<ScenarioScript.Key> keys) {
        return new ScenarioScript(
                Instant.parse(start),
                reference,
                other,
                lat,
                lon,
                course,
                List.of(new ScenarioScript.SpeedChange(0, knots)),
                feet,
                keys,
                1,
                Transponder.ADSB);
    }

    private static ScenarioScript rc135of2023(List<ScenarioScript.Key> keys) {
        return air("2023-05-26T03:00:00Z", RC135_2023, J16, 17.0, 114.0, 45, 300, 26_000, keys);
    }

    /** (b) J-16 joins from behind right, pulls ahead and crosses the nose at about 600 ft. */
    static ScenarioScript j16() {
        return rc135of2023(List.of(
                feet(0, -30000, 9000, -3000),
                feet(150, -2000, 2500, 0),
                feet(270, 1500, 1500, 0),
                feet(300, 600, 0, 50),
                feet(330, -400, -1500, 0),
                feet(420, -6000, -6000, -1000)));
    }

    static ScenarioScript j16PassingAt5Nm() {
        double fiveNm = 5 * NM / FOOT;
        return rc135of2023(List.of(feet(0, -30000, fiveNm, 0), feet(420, 20000, fiveNm, 0)));
    }

    static ScenarioScript j16MovingApart() {
        return rc135of2023(List.of(feet(0, -3000, 12000, 0), feet(420, -40000, 40000, -2000)));
    }

    /** (c) J-11 shadows off the left wing, then closes to about 20 ft of the nose. */
    static ScenarioScript j11() {
        return air(
                "2022-12-21T05:00:00Z",
                RC135_2022,
                J11,
                19.0,
                113.0,
                200,
                290,
                25_000,
                List.of(
                        feet(0, -25000, -8000, 2000),
                        feet(200, -300, -600, 0),
                        feet(420, 150, -300, 0),
                        feet(480, 20, -10, 0),
                        feet(500, 200, 400, 100),
                        feet(600, 3000, 6000, 1500)));
    }

    /** Seconds into the Hainan script at which the third pass ends in contact. */
    static final double J8_CONTACT_SECONDS = 330;

    /**
     * (d) J-8II makes three passes from the left; the third ends in contact at {@link
     * #J8_CONTACT_SECONDS}, 09:15 local time (01:15 UTC) as the public accounts give it.
     */
    static ScenarioScript j8() {
        return air(
                "2001-04-01T01:09:30Z",
                EP3E,
                J8,
                17.4,
                110.6,
                110,
                180,
                22_500,
                List.of(
                        feet(0, -12000, -3000, 0),
                        feet(120, -100, -30, 0),
                        feet(150, 300, -200, 0),
                        feet(200, -800, -600, 0),
                        feet(240, -50, -20, 0),
                        feet(260, 300, -300, 0),
                        feet(300, -1500, -800, 0),
                        feet(330, 0, -15, 0),
                        feet(360, -2000, -500, -5000)));
    }
}
