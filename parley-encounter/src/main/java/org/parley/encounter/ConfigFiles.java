package org.parley.encounter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.parley.track.TargetId;

/**
 * The YAML forms of the rules and parties files. Read as a tree and mapped by hand, so a wrong
 * field yields a message naming it rather than a reflection error.
 *
 * <pre>
 * sea:  {watchCpaNm: 2, watchTcpaMinutes: 30, unsafeCpaNm: 0.5, unsafeTcpaMinutes: 12, ...}
 * air:  {watchHorizontalNm: 0.66, watchVerticalFeet: 450, ...}
 * hysteresis: {clearAfterSeconds: 120, exitFactor: 1.2}
 * suppress: {navigationStatuses: [1, 5, 6], shipTypes: [31, 32, 50, 51, 52, 53], stoppedBelowKnots: 2,
 *            harbours: [{name: Sydney, latitude: -33.85, longitude: 151.2, radiusNm: 4}]}
 * sweep: {seaMaxClosureKnots: 60, airMaxClosureKnots: 1200, airHorizonSeconds: 60}
 * confirm: {minReports: 5, minHistorySeconds: 30, seaPersistSeconds: 20, airPersistSeconds: 10,
 *           underWayKnots: 2, parallelWithinDegrees: 15, parallelMinCpaYards: 100,
 *           portRadiusNm: 10, portBelowKnots: 8, worldPorts: true}
 *
 * parties: {BLUE: [US, JP], RED: [CN]}
 * units: [{mmsi: 369970093, name: "USS Chung-Hoon (DDG-93)", party: BLUE}, {icao: AE01CE, name: RC-135}]
 * </pre>
 */
final class ConfigFiles {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ConfigFiles() {}

    static EncounterConfig readRules(Path file) {
        JsonNode root = read(file);
        EncounterConfig d = EncounterConfig.defaults();
        try {
            JsonNode sea = root.path("sea");
            EncounterConfig.SeaRules s = d.sea();
            EncounterConfig.SeaRules seaRules = new EncounterConfig.SeaRules(
                    num(sea, "watchCpaNm", s.watchCpaNm()),
                    num(sea, "watchTcpaMinutes", s.watchTcpaMinutes()),
                    num(sea, "unsafeCpaNm", s.unsafeCpaNm()),
                    num(sea, "unsafeTcpaMinutes", s.unsafeTcpaMinutes()),
                    num(sea, "unsafeBowCrossingYards", s.unsafeBowCrossingYards()),
                    num(sea, "hotlineRangeYards", s.hotlineRangeYards()),
                    num(sea, "hotlineBowCrossingYards", s.hotlineBowCrossingYards()),
                    num(sea, "hotlineBowCrossingWithinMinutes", s.hotlineBowCrossingWithinMinutes()));
            JsonNode air = root.path("air");
            EncounterConfig.AirRules a = d.air();
            EncounterConfig.AirRules airRules = new EncounterConfig.AirRules(
                    num(air, "watchHorizontalNm", a.watchHorizontalNm()),
                    num(air, "watchVerticalFeet", a.watchVerticalFeet()),
                    num(air, "watchModifiedTauSeconds", a.watchModifiedTauSeconds()),
                    num(air, "nmacHorizontalFeet", a.nmacHorizontalFeet()),
                    num(air, "nmacVerticalFeet", a.nmacVerticalFeet()));
            JsonNode h = root.path("hysteresis");
            EncounterConfig.Hysteresis hysteresis = new EncounterConfig.Hysteresis(
                    Duration.ofMillis(Math.round(1000
                            * num(
                                    h,
                                    "clearAfterSeconds",
                                    d.hysteresis().clearAfter().toMillis() / 1000.0))),
                    num(h, "exitFactor", d.hysteresis().exitFactor()));
            JsonNode w = root.path("sweep");
            EncounterConfig.Sweep sweep = new EncounterConfig.Sweep(
                    num(w, "seaMaxClosureKnots", d.sweep().seaMaxClosureKnots()),
                    num(w, "airMaxClosureKnots", d.sweep().airMaxClosureKnots()),
                    num(w, "airHorizonSeconds", d.sweep().airHorizonSeconds()));
            return new EncounterConfig(
                    seaRules,
                    airRules,
                    hysteresis,
                    suppression(root.path("suppress"), d),
                    d.parties(),
                    sweep,
                    confirmation(root.path("confirm"), d.confirmation()));
        } catch (IllegalArgumentException e) {
            throw new EncounterException(file + ": " + e.getMessage(), e);
        }
    }

    private static EncounterConfig.Suppression suppression(JsonNode node, EncounterConfig d) {
        Set<Integer> statuses = ints(node, "navigationStatuses", d.suppression().navigationStatuses());
        Set<Integer> types = ints(node, "shipTypes", d.suppression().shipTypes());
        List<EncounterConfig.HarbourZone> harbours = new ArrayList<>();
        for (JsonNode z : node.path("harbours")) {
            harbours.add(new EncounterConfig.HarbourZone(
                    z.path("name").asText("harbour"),
                    required(z, "latitude"),
                    required(z, "longitude"),
                    required(z, "radiusNm")));
        }
        return new EncounterConfig.Suppression(
                statuses,
                types,
                harbours,
                num(node, "stoppedBelowKnots", d.suppression().stoppedBelowKnots()));
    }

    private static EncounterConfig.Confirmation confirmation(JsonNode c, EncounterConfig.Confirmation d) {
        double minReports = num(c, "minReports", d.minReports());
        if (minReports != Math.rint(minReports)) {
            throw new IllegalArgumentException("minReports must be a whole number, was " + minReports);
        }
        JsonNode world = c.path("worldPorts");
        if (!world.isMissingNode() && !world.isBoolean()) {
            throw new IllegalArgumentException("worldPorts must be true or false, was " + world);
        }
        return new EncounterConfig.Confirmation(
                (int) minReports,
                num(c, "minHistorySeconds", d.minHistorySeconds()),
                num(c, "seaPersistSeconds", d.seaPersistSeconds()),
                num(c, "airPersistSeconds", d.airPersistSeconds()),
                num(c, "underWayKnots", d.underWayKnots()),
                num(c, "parallelWithinDegrees", d.parallelWithinDegrees()),
                num(c, "parallelMinCpaYards", d.parallelMinCpaYards()),
                num(c, "portRadiusNm", d.portRadiusNm()),
                num(c, "portBelowKnots", d.portBelowKnots()),
                world.isMissingNode() ? d.worldPorts() : world.asBoolean());
    }

    static EncounterConfig.Parties readParties(Path file) {
        JsonNode root = read(file);
        try {
            Map<String, String> partyOfState = new HashMap<>();
            var parties = root.path("parties").properties();
            for (Map.Entry<String, JsonNode> party : parties) {
                for (JsonNode state : party.getValue()) {
                    String code = state.asText().toUpperCase(Locale.ROOT);
                    String previous = partyOfState.put(code, party.getKey());
                    if (previous != null && !previous.equals(party.getKey())) {
                        throw new IllegalArgumentException(
                                "state " + code + " is in two parties: " + previous + " and " + party.getKey());
                    }
                }
            }
            Map<TargetId, EncounterConfig.RegisteredUnit> units = new HashMap<>();
            for (JsonNode unit : root.path("units")) {
                TargetId id = unit.has("mmsi")
                        ? new TargetId.Mmsi(unit.path("mmsi").asInt())
                        : TargetId.IcaoAddress.parse(unit.path("icao").asText());
                Optional<String> party =
                        unit.has("party") ? Optional.of(unit.path("party").asText()) : Optional.empty();
                units.put(
                        id, new EncounterConfig.RegisteredUnit(unit.path("name").asText(id.label()), party));
            }
            return new EncounterConfig.Parties(partyOfState, units);
        } catch (IllegalArgumentException e) {
            throw new EncounterException(file + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            JsonNode root = YAML.readTree(file.toFile());
            if (root == null || !root.isObject()) {
                throw new EncounterException(file + ": expected a YAML mapping at the top level");
            }
            return root;
        } catch (IOException e) {
            throw new EncounterException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static double num(JsonNode node, String field, double fallback) {
        JsonNode v = node.path(field);
        if (v.isMissingNode()) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number, was " + v);
        }
        return v.asDouble();
    }

    private static double required(JsonNode node, String field) {
        if (!node.path(field).isNumber()) {
            throw new IllegalArgumentException("harbour needs a numeric " + field);
        }
        return node.path(field).asDouble();
    }

    private static Set<Integer> ints(JsonNode node, String field, Set<Integer> fallback) {
        if (!node.has(field)) {
            return fallback;
        }
        Set<Integer> out = new HashSet<>();
        for (JsonNode v : node.path(field)) {
            out.add(v.asInt());
        }
        return out;
    }
}
