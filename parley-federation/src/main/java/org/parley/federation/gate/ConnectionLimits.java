package org.parley.federation.gate;

/**
 * How many connections one listening port holds at once, in all and from one source address
 * (issue 19, item 1). A connection over either limit is closed as soon as it is accepted, before
 * any TLS, so a flood from one address costs the node one accept and one close per attempt and
 * never the real peer's place. Set per port in node.yaml ({@code federation.connections}, {@code
 * operator.connections}: {@code perPort}, {@code perAddress}); {@link #check} says what is wrong
 * with a value, naming the key.
 *
 * @param perListener connections open at once on the port, 1 to {@link #MAX_PER_LISTENER}
 * @param perAddress connections open at once from one source address, 1 to {@code perListener}
 */
public record ConnectionLimits(int perListener, int perAddress) {
    /**
     * The most a port may be set to hold: each admitted connection costs two file descriptors (the
     * client's and the relay's) and a thread, and a node runs with a descriptor limit of the order
     * of 2^18 or less.
     */
    public static final int MAX_PER_LISTENER = 100_000;

    /** The federation port: the peer opens a few connections (one per delivery lane and link test). */
    public static final ConnectionLimits FEDERATION = new ConnectionLimits(1_000, 32);

    /** The operator port: browsers open about six connections each, plus an event stream. */
    public static final ConnectionLimits OPERATOR = new ConnectionLimits(1_000, 64);

    public ConnectionLimits {
        check("perListener", perListener, "perAddress", perAddress);
    }

    /**
     * Limits read from a config, whose keys are {@code perListenerKey} and {@code perAddressKey}
     * (e.g. {@code operator.connections.perPort}): a value out of range is refused with an {@link
     * IllegalArgumentException} naming the key, the allowed range and the value.
     */
    public static ConnectionLimits of(String perListenerKey, int perListener, String perAddressKey, int perAddress) {
        check(perListenerKey, perListener, perAddressKey, perAddress);
        return new ConnectionLimits(perListener, perAddress);
    }

    private static void check(String perListenerKey, int perListener, String perAddressKey, int perAddress) {
        if (perListener < 1 || perListener > MAX_PER_LISTENER) {
            throw new IllegalArgumentException(
                    perListenerKey + " must be 1.." + MAX_PER_LISTENER + " (connections at once): " + perListener);
        }
        if (perAddress < 1 || perAddress > perListener) {
            throw new IllegalArgumentException(
                    perAddressKey + " must be 1.." + perListener + " (at most " + perListenerKey + "): " + perAddress);
        }
    }
}
