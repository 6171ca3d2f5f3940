package org.parley.testing;

import java.util.SplittableRandom;

/**
 * Draws for {@link SeededTest} properties that a plain {@link SplittableRandom} does not give:
 * integers that hit their edges far more often than uniform chance would, and text across the whole
 * of Unicode. Everything is drawn from the caller's generator, so a seed replays the same values.
 */
public final class Generators {
    private static final long[] LONG_EDGES = {
        0,
        1,
        -1,
        2,
        -2,
        9,
        10,
        99,
        100,
        Long.MAX_VALUE,
        Long.MIN_VALUE,
        Long.MAX_VALUE - 1,
        Long.MIN_VALUE + 1,
        Integer.MAX_VALUE,
        Integer.MIN_VALUE
    };

    private Generators() {}

    /** Any {@code long}; one draw in eight is an edge (0, ±1, ±2, powers of ten, the extremes). */
    public static long anyLong(SplittableRandom random) {
        if (random.nextInt(8) == 0) {
            return LONG_EDGES[random.nextInt(LONG_EDGES.length)];
        }
        // Uniform longs are almost all 19 digits long; a random bit length gives short ones too.
        return random.nextLong() >> random.nextInt(64);
    }

    /** An {@code int} in {@code [min, max]} (both included); one draw in eight is {@code min}, {@code max} or 0. */
    public static int intBetween(SplittableRandom random, int min, int max) {
        if (min > max) {
            throw new IllegalArgumentException("min must be <= max: " + min + " > " + max);
        }
        if (random.nextInt(8) == 0) {
            int pick = random.nextInt(3);
            return pick == 0 ? min : pick == 1 ? max : Math.clamp(0, min, max);
        }
        return (int) random.nextLong(min, (long) max + 1);
    }

    /** A {@code long} in {@code [min, max]} (both included); one draw in eight is {@code min} or {@code max}. */
    public static long longBetween(SplittableRandom random, long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("min must be <= max: " + min + " > " + max);
        }
        if (random.nextInt(8) == 0) {
            return random.nextBoolean() ? min : max;
        }
        return max == Long.MAX_VALUE ? random.nextLong(min - 1, max) + 1 : random.nextLong(min, max + 1);
    }

    /** A {@code double} in {@code [min, max]} (both included); one draw in sixteen is {@code min} or {@code max}. */
    public static double doubleBetween(SplittableRandom random, double min, double max) {
        if (!(min <= max)) {
            throw new IllegalArgumentException("min must be <= max: " + min + " > " + max);
        }
        if (random.nextInt(16) == 0) {
            return random.nextBoolean() ? min : max;
        }
        return min == max ? min : random.nextDouble(min, Math.nextUp(max));
    }

    /** {@code value} rounded half up to {@code decimals} decimal places, as a stored or printed value would be. */
    public static double scaled(double value, int decimals) {
        return java.math.BigDecimal.valueOf(value)
                .setScale(decimals, java.math.RoundingMode.HALF_UP)
                .doubleValue();
    }

    /**
     * Text of up to {@code maxLength} chars from anywhere in Unicode: ASCII (controls, quotes and
     * backslashes included), Latin-1, the rest of the BMP, and astral characters as surrogate pairs.
     * With {@code wellFormed} false a lone surrogate may appear too.
     */
    public static String text(SplittableRandom random, int maxLength, boolean wellFormed) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder sb = new StringBuilder(length + 1);
        while (sb.length() < length) {
            int kind = random.nextInt(wellFormed ? 4 : 5);
            switch (kind) {
                case 0 -> sb.append((char) random.nextInt(0x80));
                case 1 -> sb.append((char) random.nextInt(0x80, 0x100));
                case 2 -> sb.append(bmpNonSurrogate(random));
                case 3 -> {
                    if (sb.length() + 2 <= length) {
                        sb.appendCodePoint(random.nextInt(0x1_0000, 0x11_0000));
                    }
                }
                default -> sb.append((char) random.nextInt(Character.MIN_SURROGATE, Character.MAX_SURROGATE + 1));
            }
        }
        return sb.toString();
    }

    /** Text of up to {@code maxLength} chars, each drawn from {@code alphabet}. */
    public static String text(SplittableRandom random, int maxLength, String alphabet) {
        return text(random, 0, maxLength, alphabet);
    }

    /** Text of {@code minLength} to {@code maxLength} chars, each drawn from {@code alphabet}. */
    public static String text(SplittableRandom random, int minLength, int maxLength, String alphabet) {
        int length = random.nextInt(minLength, maxLength + 1);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** One of {@code values}. */
    @SafeVarargs
    public static <T> T oneOf(SplittableRandom random, T... values) {
        return values[random.nextInt(values.length)];
    }

    private static char bmpNonSurrogate(SplittableRandom random) {
        int c = random.nextInt(0x100, 0x1_0000 - (Character.MAX_SURROGATE - Character.MIN_SURROGATE + 1));
        return (char) (c >= Character.MIN_SURROGATE ? c + (Character.MAX_SURROGATE - Character.MIN_SURROGATE + 1) : c);
    }
}
