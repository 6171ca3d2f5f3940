package org.parley.adsb;

/** A 24-bit ICAO aircraft address (Annex 10 Vol III Part I Appendix to Chapter 9). */
public record IcaoAddress(int value) implements Comparable<IcaoAddress> {
    public IcaoAddress {
        if ((value & ~0xFFFFFF) != 0) {
            throw new IllegalArgumentException("ICAO address must fit in 24 bits: " + Integer.toHexString(value));
        }
    }

    /** Parses six hex digits, e.g. {@code 406B90}. */
    public static IcaoAddress parse(String hex) {
        if (hex.length() != 6) {
            throw new IllegalArgumentException("ICAO address must be six hex digits: " + hex);
        }
        return new IcaoAddress(Integer.parseInt(hex, 16));
    }

    /** Six upper-case hex digits, as receivers print it. */
    public String hex() {
        char[] c = new char[6];
        for (int i = 5, v = value; i >= 0; i--, v >>>= 4) {
            c[i] = Character.toUpperCase(Character.forDigit(v & 0xF, 16));
        }
        return new String(c);
    }

    @Override
    public int compareTo(IcaoAddress other) {
        return Integer.compare(value, other.value);
    }

    @Override
    public String toString() {
        return hex();
    }
}
