package org.parley.node.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A path as OpenAPI writes it ({@code /api/v1/messages/{id}/ack}): literal segments and named
 * parameters, each parameter standing for exactly one non-empty segment (OpenAPI 3.1 §4.8.8,
 * "Path Templating").
 */
record PathTemplate(String text, List<Segment> segments) {

    sealed interface Segment {
        record Literal(String text) implements Segment {}

        record Parameter(String name) implements Segment {}
    }

    PathTemplate {
        segments = List.copyOf(segments);
        if (!text.startsWith("/")) {
            throw new IllegalArgumentException("a path template starts with '/': " + text);
        }
    }

    static PathTemplate parse(String text) {
        if (!text.startsWith("/") || text.endsWith("/")) {
            throw new IllegalArgumentException("a path template starts with '/' and does not end with one: " + text);
        }
        List<Segment> segments = new ArrayList<>();
        for (String part : text.substring(1).split("/", -1)) {
            if (part.startsWith("{") && part.endsWith("}") && part.length() > 2) {
                segments.add(new Segment.Parameter(part.substring(1, part.length() - 1)));
            } else if (part.isEmpty() || part.contains("{") || part.contains("}")) {
                throw new IllegalArgumentException("'" + part + "' is not a literal or a {parameter} in " + text);
            } else {
                segments.add(new Segment.Literal(part));
            }
        }
        return new PathTemplate(text, segments);
    }

    /** The parameter values when {@code path} fits this template; empty when it does not. */
    Optional<Map<String, String>> match(String path) {
        if (!path.startsWith("/")) {
            return Optional.empty();
        }
        String[] parts = path.substring(1).split("/", -1);
        if (parts.length != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            switch (segments.get(i)) {
                case Segment.Literal literal -> {
                    if (!literal.text().equals(parts[i])) {
                        return Optional.empty();
                    }
                }
                case Segment.Parameter parameter -> {
                    if (parts[i].isEmpty()) {
                        return Optional.empty();
                    }
                    values.put(parameter.name(), parts[i]);
                }
            }
        }
        return Optional.of(values);
    }

    List<String> parameterNames() {
        return segments.stream()
                .flatMap(s -> s instanceof Segment.Parameter p
                        ? java.util.stream.Stream.of(p.name())
                        : java.util.stream.Stream.empty())
                .toList();
    }
}
