package org.parley.federation.gate;

/**
 * How many connections one listening port holds at once, in all and from one source address
 * (issue 19, item 1). A connection over either limit is closed as soon as it is accepted, before
 * any TLS, so a flood from one address costs the node one accept and one close per attempt and
 * never the real peer's place.
 */
public record ConnectionLimits(int perListener, int perAddress) {
    /** The federation port: the peer opens a few connections (one per delivery lane and link test). */
    public static final ConnectionLimits FEDERATION = new ConnectionLimits(1_000, 32);

    /** The operator port: browsers open about six connections each, plus an event stream. */
    public static final ConnectionLimits OPERATOR = new ConnectionLimits(1_000, 64);

    public ConnectionLimits {
        if (perAddress < 1) {
            throw new IllegalArgumentException("perAddress must be >= 1: " + perAddress);
        }
        if (perListener < perAddress) {
            throw new IllegalArgumentException(
                    "perListener must be >= perAddress (" + perAddress + "): " + perListener);
        }
    }
}
