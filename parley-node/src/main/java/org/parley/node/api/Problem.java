package org.parley.node.api;

import java.util.Map;

/**
 * A refusal, answered as an RFC 9457 problem document whose {@code detail} says what to fix. The one
 * problem type of the operator API: handlers, the router and the authenticator throw it, and {@link
 * Responses#problem} is the one place that writes it. {@code headers} carries what the status
 * requires beside the body, such as WWW-Authenticate on a 401 (RFC 9110 §11.6.1) or Allow on a 405.
 */
final class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    // Never serialized: a problem lives from the throw to the response on one thread.
    private final transient Map<String, String> headers;

    Problem(int status, String detail) {
        this(status, detail, Map.of());
    }

    Problem(int status, String detail, Map<String, String> headers) {
        super(detail);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem has a 4xx or 5xx status: " + status);
        }
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    int status() {
        return status;
    }

    String detail() {
        return String.valueOf(getMessage());
    }

    Map<String, String> headers() {
        return headers;
    }
}
