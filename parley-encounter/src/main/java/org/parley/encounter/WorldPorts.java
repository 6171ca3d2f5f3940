package org.parley.encounter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The ports of the NGA World Port Index (Pub. 150, public domain), as the compact derived list
 * {@code world-ports.tsv} (latitude, longitude, name, WPI number), sorted by latitude so a lookup
 * reads only the band of ports within reach. Loaded once, on first use.
 */
final class WorldPorts {
    private static final double EARTH_RADIUS_METRES = 6_371_008.8;
    private static final double METRES_PER_DEGREE = Math.PI * EARTH_RADIUS_METRES / 180;

    /** A port: where it is and what the index calls it. */
    record Port(double latitudeDegrees, double longitudeDegrees, String name, String source) {}

    private final double[] latitudes;
    private final Port[] ports;

    private WorldPorts(List<Port> list) {
        ports = list.stream()
                .sorted(Comparator.comparingDouble(Port::latitudeDegrees))
                .toArray(Port[]::new);
        latitudes = Arrays.stream(ports).mapToDouble(Port::latitudeDegrees).toArray();
    }

    private static final class Holder {
        static final WorldPorts INDEX = load();
    }

    /** The shipped index. */
    static WorldPorts index() {
        return Holder.INDEX;
    }

    int size() {
        return ports.length;
    }

    /**
     * The nearest port within {@code radiusMetres} of a position, by the great circle on the mean
     * sphere (within 0.5 % of the geodesic, ample for a radius of miles).
     */
    Optional<Port> nearest(double latitudeDegrees, double longitudeDegrees, double radiusMetres) {
        double band = radiusMetres / METRES_PER_DEGREE;
        int i = Arrays.binarySearch(latitudes, latitudeDegrees - band);
        int from = i < 0 ? -i - 1 : i;
        Port best = null;
        double bestMetres = radiusMetres;
        for (int k = from; k < ports.length && latitudes[k] <= latitudeDegrees + band; k++) {
            double d = greatCircleMetres(latitudeDegrees, longitudeDegrees, ports[k]);
            if (d <= bestMetres) {
                bestMetres = d;
                best = ports[k];
            }
        }
        return Optional.ofNullable(best);
    }

    private static double greatCircleMetres(double lat, double lon, Port p) {
        double phi1 = Math.toRadians(lat);
        double phi2 = Math.toRadians(p.latitudeDegrees());
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(p.longitudeDegrees() - lon);
        double h = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    private static WorldPorts load() {
        try (InputStream in = Objects.requireNonNull(
                        WorldPorts.class.getResourceAsStream("world-ports.tsv"), "world-ports.tsv missing");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(r.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read world-ports.tsv", e);
        }
    }

    /** Lines of {@code latitude TAB longitude TAB name TAB source}; '#' starts a comment line. */
    static WorldPorts parse(List<String> lines) {
        List<Port> out = new ArrayList<>();
        int n = 0;
        for (String line : lines) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 4) {
                throw new IllegalArgumentException("world-ports.tsv line " + n + ": expected 4 tab-separated fields");
            }
            double lat = Double.parseDouble(f[0]);
            double lon = Double.parseDouble(f[1]);
            if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
                throw new IllegalArgumentException("world-ports.tsv line " + n + ": bad position " + lat + ", " + lon);
            }
            out.add(new Port(lat, lon, f[2], f[3]));
        }
        return new WorldPorts(out);
    }
}
