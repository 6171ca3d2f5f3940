package org.parley.node.console;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

/**
 * The console's static files, from the class path only: our own under {@code
 * org/parley/node/console/assets/}, htmx, Leaflet and uPlot from their WebJars. A fixed table, so no
 * request path ever reaches the class loader.
 */
final class Assets {
    private static final String OWN = "org/parley/node/console/assets/";
    private static final String WEBJARS = "META-INF/resources/webjars/";

    private static final Map<String, String> FILES = Map.ofEntries(
            Map.entry("console.js", OWN + "console.js"),
            Map.entry("map.js", OWN + "map.js"),
            Map.entry("incident.js", OWN + "incident.js"),
            Map.entry("stats.js", OWN + "stats.js"),
            Map.entry("console.css", OWN + "console.css"),
            Map.entry("coastline.json", OWN + "coastline.json"),
            Map.entry("noto-sans-sc-subset.woff2", OWN + "noto-sans-sc-subset.woff2"),
            Map.entry("htmx.min.js", WEBJARS + "htmx.org/2.0.4/dist/htmx.min.js"),
            Map.entry("leaflet.js", WEBJARS + "leaflet/1.9.4/dist/leaflet.js"),
            Map.entry("leaflet.css", WEBJARS + "leaflet/1.9.4/dist/leaflet.css"),
            Map.entry("uPlot.iife.min.js", WEBJARS + "uplot/1.6.30/dist/uPlot.iife.min.js"),
            Map.entry("uPlot.min.css", WEBJARS + "uplot/1.6.30/dist/uPlot.min.css"));

    private Assets() {}

    static void serve(HttpExchange ex, String name) throws IOException {
        String resource = FILES.get(name);
        Optional<InputStream> in = resource == null
                ? Optional.empty()
                : Optional.ofNullable(Assets.class.getClassLoader().getResourceAsStream(resource));
        if (in.isEmpty()) {
            throw new ConsoleHandler.Refusal(404, "no console asset " + name);
        }
        byte[] bytes;
        try (InputStream stream = in.get()) {
            bytes = stream.readAllBytes();
        }
        ex.getResponseHeaders().set("Cache-Control", "max-age=3600");
        Exchange.send(ex, 200, type(name), bytes);
    }

    private static String type(String name) {
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        } else if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        } else if (name.endsWith(".json")) {
            return "application/json";
        } else if (name.endsWith(".woff2")) {
            return "font/woff2";
        }
        return "application/octet-stream";
    }
}
