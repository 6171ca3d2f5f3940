package org.parley.node.api;

/** The {@code offset} and {@code limit} query parameters of every listing, checked alike. */
final class Paging {
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 10_000;

    private Paging() {}

    /** How many of the newest messages to pass over: the next page starts at offset + limit. */
    static int offset(Request request) {
        String text = request.query("offset").orElse("0");
        try {
            int offset = Integer.parseInt(text);
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // answered by the problem below
        }
        throw new Problem(400, "'offset' must be a whole number >= 0: '" + text + "'");
    }

    static int limit(Request request) {
        String text = request.query("limit").orElse(String.valueOf(DEFAULT_LIMIT));
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered by the problem below
        }
        throw new Problem(400, "'limit' must be a whole number from 1 to " + MAX_LIMIT + ": '" + text + "'");
    }
}
