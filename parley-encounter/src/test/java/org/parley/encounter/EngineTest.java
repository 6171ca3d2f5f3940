package org.parley.encounter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.junit.jupiter.api.Test;
import org.parley.track.PositionReport;
import org.parley.track.TargetId;
import org.parley.track.Transponder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class EngineTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String CAP = "urn:oasis:names:tc:emergency:cap:1.2";

    private static PositionReport ship(int mmsi, double lat, double lon, double knots, double course) {
        return PositionReport.builder(new TargetId.Mmsi(mmsi), T0, lat, lon)
                .transponder(Transponder.AIS_CLASS_A)
                .speedKnots(knots)
                .courseDegrees(course)
                .build();
    }

    /** Ships scattered around a few clusters, some converging: enough pairs to compare sweeps. */
    private static List<PositionReport> crowd(int n, long seed) {
        java.util.Random random = new java.util.Random(seed);
        double[][] centres = {{1.25, 103.8}, {51.0, 1.5}, {-33.8, 151.3}, {0.0, 179.9}, {85.0, 20.0}};
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> {
                    double[] c = centres[i % centres.length];
                    GeodesicData d = Geodesic.WGS84.Direct(
                            c[0], c[1], random.nextDouble() * 360, random.nextDouble() * 40 * 1852);
                    return ship(200_000_000 + i, d.lat2, d.lon2, random.nextDouble() * 25, random.nextDouble() * 359);
                })
                .toList();
    }

    private static Set<String> opened(List<EncounterEvent> events) {
        return events.stream()
                .filter(e -> e.kind() == EncounterEvent.Kind.OPENED)
                .map(e -> e.a().id() + "|" + e.b().id() + "|" + e.level())
                .collect(Collectors.toSet());
    }

    @Test
    void sweep_gridAgreesWithAllPairs_includingPolesAndAntimeridian() {
        List<PositionReport> reports = crowd(1500, 42);
        EncounterEngine grid = new EncounterEngine(EncounterConfig.defaults(), 0);
        EncounterEngine brute = new EncounterEngine(EncounterConfig.defaults(), 0);
        reports.forEach(grid::onReport);
        reports.forEach(brute::onReport);

        // A fresh pair of engines with no incremental evaluation: sweep alone must find the same pairs.
        EncounterEngine gridOnly = new EncounterEngine(EncounterConfig.defaults(), 0);
        EncounterEngine bruteOnly = new EncounterEngine(EncounterConfig.defaults(), 0);
        reports.forEach(gridOnly::index);
        reports.forEach(bruteOnly::index);
        Set<String> bySweep = opened(gridOnly.sweep(T0));
        Set<String> byBrute = opened(bruteOnly.sweepAllPairs(T0));

        assertThat(bySweep).isNotEmpty().isEqualTo(byBrute);
        assertThat(gridOnly.lastSweep().pairsOffered()).isLessThan(1500L * 1499 / 2);
        assertThat(opened(grid.sweep(T0))).isEmpty(); // already opened incrementally
    }

    @Test
    void onReport_rejectedJump_isCountedAndCausesNoEvents() {
        EncounterEngine engine = new EncounterEngine(EncounterConfig.defaults());
        engine.onReport(ship(412_000_001, 22, 119, 10, 0));

        List<EncounterEvent> events =
                engine.onReport(PositionReport.builder(new TargetId.Mmsi(412_000_001), T0.plusSeconds(10), 23, 119)
                        .transponder(Transponder.AIS_CLASS_A)
                        .build());

        assertThat(events).isEmpty();
        assertThat(engine.rejectCounts()).isNotEmpty();
    }

    @Test
    void onReport_stoppedShipUnderWayAlongside_alerts() {
        // The control for the suppression below: the same ships, but the stopped one reports
        // "under way using engine" (ITU-R M.1371-5 Table 47, status 0), so nothing suppresses it.
        EncounterEngine engine = new EncounterEngine(EncounterConfig.defaults());
        engine.onReport(PositionReport.builder(new TargetId.Mmsi(412_000_001), T0, 22, 119)
                .speedKnots(0)
                .courseDegrees(0)
                .navigationStatus(0)
                .build());

        List<EncounterEvent> events = engine.onReport(ship(369_000_001, 22.001, 119, 5, 0));

        assertThat(events).isNotEmpty();
        assertThat(events.get(0).kind()).isEqualTo(EncounterEvent.Kind.OPENED);
    }

    @Test
    void onReport_mooredShipAlongside_isSuppressed() {
        EncounterEngine engine = new EncounterEngine(EncounterConfig.defaults());
        engine.onReport(PositionReport.builder(new TargetId.Mmsi(412_000_001), T0, 22, 119)
                .speedKnots(0)
                .courseDegrees(0)
                .navigationStatus(5)
                .build());

        List<EncounterEvent> events = engine.onReport(ship(369_000_001, 22.001, 119, 5, 0));

        assertThat(events).isEmpty();
    }

    @Test
    void exports_scenarioIncident_geoJsonAndCapAreWellFormed() throws Exception {
        EncounterEngine engine = new EncounterEngine(ScenarioTest.config());
        List<EncounterEvent> events =
                ScenarioTest.replay(engine, Scenarios.chungHoon().reports());
        EncounterEvent hotline = events.stream()
                .filter(e -> e.level() == Level.HOTLINE)
                .findFirst()
                .orElseThrow();

        JsonNode geo = new ObjectMapper().readTree(engine.geoJson());
        assertThat(geo.path("type").asText()).isEqualTo("FeatureCollection");
        JsonNode approach = null;
        for (JsonNode f : geo.path("features")) {
            if (f.path("properties").path("kind").asText().equals("closest-approach")) {
                approach = f;
            }
        }
        assertThat(approach).isNotNull();
        assertThat(approach.path("properties").path("level").asText()).isEqualTo("HOTLINE");
        assertThat(approach.path("geometry").path("coordinates")).hasSize(2);
        // RFC 7946: [longitude, latitude]; the scenario is at 24 N 119 E.
        assertThat(approach.path("geometry").path("coordinates").get(0).get(0).asDouble())
                .isBetween(119.0, 120.0);

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document cap = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(
                        EncounterEngine.capAlert(hotline, "watch@blue.example").getBytes(StandardCharsets.UTF_8)));
        Element alert = cap.getDocumentElement();
        assertThat(alert.getNamespaceURI()).isEqualTo(CAP);
        // CAP 1.2 section 3.2.1 required alert elements and 3.2.2 required info elements.
        for (String required : List.of(
                "identifier",
                "sender",
                "sent",
                "status",
                "msgType",
                "scope",
                "category",
                "event",
                "urgency",
                "severity",
                "certainty")) {
            assertThat(alert.getElementsByTagNameNS(CAP, required).getLength())
                    .as(required)
                    .isEqualTo(1);
        }
        assertThat(text(alert, "severity")).isEqualTo("Extreme");
        assertThat(text(alert, "sent")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[-+]\\d\\d:\\d\\d");
        assertThat(text(alert, "circle")).matches("-?\\d+\\.\\d+,-?\\d+\\.\\d+ \\d+\\.\\d+");
    }

    private static String text(Element alert, String name) {
        return alert.getElementsByTagNameNS(CAP, name).item(0).getTextContent();
    }
}
