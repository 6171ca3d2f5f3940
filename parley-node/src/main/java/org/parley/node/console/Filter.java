package org.parley.node.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A message list's filter as the URL carries it ({@code ?precedence=FLASH&status=OVERDUE}), so a
 * link reproduces the view. Unknown values are refused with a message that lists the known ones.
 */
record Filter(String precedence, String status, String category) {
    static final List<String> PRECEDENCES = List.of("FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE");
    static final List<String> STATUSES = List.of("SENT", "RECEIVED", "OVERDUE", "ACKNOWLEDGED");
    static final List<String> CATEGORIES = List.of("SAFETY", "ROUTINE", "DIALOGUE", "NOTICE", "LINKTEST");
    /** How many of the newest messages a filtered list looks through. */
    static final int SCANNED = 500;

    Filter {
        check("precedence", precedence, PRECEDENCES);
        check("status", status, STATUSES);
        check("category", category, CATEGORIES);
    }

    static Filter of(Map<String, String> query) {
        return new Filter(
                query.getOrDefault("precedence", ""),
                query.getOrDefault("status", ""),
                query.getOrDefault("category", ""));
    }

    private static void check(String name, String value, List<String> known) {
        if (!value.isEmpty() && !known.contains(value)) {
            throw new IllegalArgumentException(name + " must be one of " + known + " (or absent): '" + value + "'");
        }
    }

    boolean any() {
        return !(precedence.isEmpty() && status.isEmpty() && category.isEmpty());
    }

    boolean admits(Row row) {
        return (precedence.isEmpty() || precedence.equals(row.precedence()))
                && (status.isEmpty() || status.equals(row.status()))
                && (category.isEmpty() || category.equals(row.category()));
    }

    /** {@code ?name=value&...} for the set fields, or empty. */
    String query() {
        StringJoiner out = new StringJoiner("&", "?", "").setEmptyValue("");
        add(out, "precedence", precedence);
        add(out, "status", status);
        add(out, "category", category);
        return out.toString();
    }

    private static void add(StringJoiner out, String name, String value) {
        if (!value.isEmpty()) {
            out.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
