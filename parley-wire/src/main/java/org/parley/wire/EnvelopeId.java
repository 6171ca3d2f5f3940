package org.parley.wire;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.UUID;

/**
 * An envelope's identity: a UUID version 7 (RFC 9562 section 5.7), so that ids sort by creation
 * millisecond and carry 74 random bits.
 */
public record EnvelopeId(UUID uuid) implements Comparable<EnvelopeId> {

    /**
     * A new time-ordered id.
     *
     * <pre>
     * RFC 9562 5.7:  | unix_ts_ms (48) | ver=0111 (4) | rand_a (12) | var=10 (2) | rand_b (62) |
     * </pre>
     */
    public static EnvelopeId generate(InstantSource clock, SecureRandom random) {
        long millis = clock.millis();
        if (millis < 0 || millis >= (1L << 48)) {
            throw new IllegalArgumentException("clock is outside the UUIDv7 range: " + clock.instant());
        }
        long randA = random.nextInt(1 << 12);
        long randB = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL;
        long high = (millis << 16) | (0x7L << 12) | randA;
        long low = (0x2L << 62) | randB;
        return new EnvelopeId(new UUID(high, low));
    }

    /** Parses the canonical 36-character form; throws IllegalArgumentException with the reason. */
    public static EnvelopeId parse(String text) {
        if (text.length() != 36) {
            throw new IllegalArgumentException("envelope id must be a 36-character UUID: '" + text + "'");
        }
        UUID uuid = UUID.fromString(text);
        if (!uuid.toString().equals(text)) {
            throw new IllegalArgumentException("envelope id must be a lower-case UUID: '" + text + "'");
        }
        return new EnvelopeId(uuid);
    }

    /** The creation millisecond encoded in a version 7 id. */
    public Instant timestamp() {
        if (uuid.version() != 7) {
            throw new IllegalStateException("not a version 7 UUID: " + uuid);
        }
        return Instant.ofEpochMilli(uuid.getMostSignificantBits() >>> 16);
    }

    @Override
    public int compareTo(EnvelopeId other) {
        // UUID.compareTo compares signed longs; the unsigned order is the time order of v7 ids.
        int high = Long.compareUnsigned(uuid.getMostSignificantBits(), other.uuid.getMostSignificantBits());
        return high != 0
                ? high
                : Long.compareUnsigned(uuid.getLeastSignificantBits(), other.uuid.getLeastSignificantBits());
    }

    @Override
    public String toString() {
        return uuid.toString();
    }
}
