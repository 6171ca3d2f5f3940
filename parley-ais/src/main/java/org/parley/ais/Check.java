package org.parley.ais;

/** Validation helpers for the compact constructors of the message records. */
final class Check {
    private Check() {}

    /** Refuses a value that does not fit an unsigned field of {@code width} bits. */
    static int unsigned(int value, int width, String name) {
        if (value < 0 || (width < 31 && value >= (1 << width))) {
            throw new IllegalArgumentException(name + " must fit " + width + " unsigned bits: " + value);
        }
        return value;
    }

    /** Refuses a value that does not fit a two's-complement field of {@code width} bits. */
    static int signed(int value, int width, String name) {
        int limit = 1 << (width - 1);
        if (value < -limit || value >= limit) {
            throw new IllegalArgumentException(name + " must fit " + width + " signed bits: " + value);
        }
        return value;
    }

    static int messageType(int value, int... allowed) {
        for (int a : allowed) {
            if (a == value) {
                return value;
            }
        }
        throw new IllegalArgumentException(
                "messageType " + value + " is not one of " + java.util.Arrays.toString(allowed));
    }

    static String text(String value, int maxChars, String name) {
        if (value.length() > maxChars) {
            throw new IllegalArgumentException(name + " must be at most " + maxChars + " characters: " + value);
        }
        return value;
    }
}
