package org.parley.ais.gpsd;

import java.nio.charset.StandardCharsets;

/**
 * Writes JSON pieces into a byte array at a position and returns the position after them: the
 * writer's hottest objects (the class A position report, 70% of real traffic) are written with one
 * capacity check and the position in a local, instead of a checked append per member.
 */
final class Put {
    private static final byte[] PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private Put() {}

    /** The bytes of an ASCII constant. */
    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static int bytes(byte[] b, int p, byte[] constant) {
        System.arraycopy(constant, 0, b, p, constant.length);
        return p + constant.length;
    }

    /** A non-negative int in decimal. */
    static int digits(byte[] b, int p, int value) {
        if (value < 10) {
            b[p] = (byte) ('0' + value);
            return p + 1;
        }
        if (value < 100) {
            b[p] = PAIRS[2 * value];
            b[p + 1] = PAIRS[2 * value + 1];
            return p + 2;
        }
        int end = p + count(value);
        int pos = end;
        int v = value;
        while (v >= 100) {
            int pair = v % 100;
            v /= 100;
            b[--pos] = PAIRS[2 * pair + 1];
            b[--pos] = PAIRS[2 * pair];
        }
        if (v >= 10) {
            b[--pos] = PAIRS[2 * v + 1];
            b[--pos] = PAIRS[2 * v];
        } else {
            b[--pos] = (byte) ('0' + v);
        }
        return end;
    }

    /** A non-negative int with leading zeros to at least {@code width} digits (gpsd's {@code %02d}, {@code %04d}). */
    static int padded(byte[] b, int p, int value, int width) {
        int pos = p;
        for (int w = width - 1; w > 0 && value < POW10[w]; w--) {
            b[pos++] = '0';
        }
        return digits(b, pos, value);
    }

    private static final int[] POW10 = {1, 10, 100, 1000};

    /** {@code value} (0 <= value < 10^width) as exactly {@code width} digits: a fixed-point fraction. */
    static int fraction(byte[] b, int p, long value, int width) {
        int pos = p + width;
        long rest = value;
        int left = width;
        while (left >= 2) {
            int pair = (int) (rest % 100);
            rest /= 100;
            b[--pos] = PAIRS[2 * pair + 1];
            b[--pos] = PAIRS[2 * pair];
            left -= 2;
        }
        if (left == 1) {
            b[--pos] = (byte) ('0' + rest);
        }
        return p + width;
    }

    /** Digits of a value >= 100. */
    private static int count(int value) {
        if (value < 100_000) {
            return value < 1_000 ? 3 : value < 10_000 ? 4 : 5;
        }
        if (value < 100_000_000) {
            return value < 1_000_000 ? 6 : value < 10_000_000 ? 7 : 8;
        }
        return value < 1_000_000_000 ? 9 : 10;
    }

    static int bool(byte[] b, int p, boolean value) {
        if (value) {
            b[p] = 't';
            b[p + 1] = 'r';
            b[p + 2] = 'u';
            b[p + 3] = 'e';
            return p + 4;
        }
        b[p] = 'f';
        b[p + 1] = 'a';
        b[p + 2] = 'l';
        b[p + 3] = 's';
        b[p + 4] = 'e';
        return p + 5;
    }

    /** {@code raw / 10} with one decimal (1/10 knot, 1/10 degree), exact. */
    static int tenths(byte[] b, int p, int raw) {
        int pos = p;
        if (raw < 0) {
            b[pos++] = '-';
        }
        int abs = Math.abs(raw);
        pos = digits(b, pos, abs / 10);
        b[pos] = '.';
        b[pos + 1] = (byte) ('0' + abs % 10);
        return pos + 2;
    }

    /**
     * {@code raw} in 1/10 000 minute as degrees with 7 decimals, as C's {@code %.7f} prints it:
     * raw * 10^7 / 600 000 = raw * 100 / 6, rounded half away from zero = (|raw| * 100 + 3) / 6.
     */
    static int degrees7(byte[] b, int p, int raw) {
        long scaled = (Math.abs((long) raw) * 100 + 3) / 6;
        int pos = p;
        if (raw < 0 && scaled != 0) {
            b[pos++] = '-';
        }
        pos = digits(b, pos, (int) (scaled / 10_000_000));
        b[pos++] = '.';
        int frac = (int) (scaled % 10_000_000);
        int high = frac / 100_000;
        int rest = frac - high * 100_000;
        int mid = rest / 1000;
        rest -= mid * 1000;
        int low = rest / 10;
        b[pos] = PAIRS[2 * high];
        b[pos + 1] = PAIRS[2 * high + 1];
        b[pos + 2] = PAIRS[2 * mid];
        b[pos + 3] = PAIRS[2 * mid + 1];
        b[pos + 4] = PAIRS[2 * low];
        b[pos + 5] = PAIRS[2 * low + 1];
        b[pos + 6] = (byte) ('0' + rest - low * 10);
        return pos + 7;
    }
}
