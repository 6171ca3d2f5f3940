package org.parley.adsb;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Field decoding of the Comm-B registers once the register is known (Doc 9871 Appendix A). */
final class CommBRegisters {
    private CommBRegisters() {}

    /** A sign bit at {@code signBit} followed by {@code length} value bits, two's complement. */
    static int signed(byte[] f, int signBit, int length) {
        int value = Bits.me(f, signBit + 1, length);
        return Bits.meFlag(f, signBit) ? value - (1 << length) : value;
    }

    private static OptionalInt intIf(boolean present, int value) {
        return present ? OptionalInt.of(value) : OptionalInt.empty();
    }

    private static OptionalDouble doubleIf(boolean present, double value) {
        return present ? OptionalDouble.of(value) : OptionalDouble.empty();
    }

    /** Angle in [0, 360) from a sign bit and 10 bits of 90/512 degree (Doc 9871 A.2.5.1, A.2.6.1). */
    private static double angle(byte[] f, int signBit) {
        double a = signed(f, signBit, 10) * 90.0 / 512.0;
        return a < 0 ? a + 360 : a;
    }

    static CommB bds40(byte[] f) {
        return new CommB.SelectedVerticalIntention(
                intIf(Bits.meFlag(f, 1), Bits.me(f, 2, 12) * 16),
                intIf(Bits.meFlag(f, 14), Bits.me(f, 15, 12) * 16),
                doubleIf(Bits.meFlag(f, 27), Bits.me(f, 28, 12) * 0.1 + 800));
    }

    static CommB bds44(byte[] f) {
        boolean wind = Bits.meFlag(f, 5);
        return new CommB.MeteorologicalRoutine(
                intIf(wind, Bits.me(f, 6, 9)),
                doubleIf(wind, Bits.me(f, 15, 9) * 180.0 / 256.0),
                signed(f, 24, 10) * 0.25,
                intIf(Bits.meFlag(f, 35), Bits.me(f, 36, 11)),
                doubleIf(Bits.meFlag(f, 50), Bits.me(f, 51, 6) * 100.0 / 64.0));
    }

    static double bds45Temperature(byte[] f) {
        return Math.round(signed(f, 17, 9) * 0.25 * 10) / 10.0;
    }

    static CommB bds45(byte[] f) {
        return new CommB.MeteorologicalHazard(
                intIf(Bits.meFlag(f, 1), Bits.me(f, 2, 2)),
                intIf(Bits.meFlag(f, 4), Bits.me(f, 5, 2)),
                intIf(Bits.meFlag(f, 7), Bits.me(f, 8, 2)),
                intIf(Bits.meFlag(f, 10), Bits.me(f, 11, 2)),
                intIf(Bits.meFlag(f, 13), Bits.me(f, 14, 2)),
                signed(f, 17, 9) * 0.25,
                intIf(Bits.meFlag(f, 27), Bits.me(f, 28, 11)),
                intIf(Bits.meFlag(f, 39), Bits.me(f, 40, 12) * 16));
    }

    static double roll50(byte[] f) {
        return signed(f, 2, 9) * 45.0 / 256.0;
    }

    static CommB bds50(byte[] f) {
        boolean rate = Bits.meFlag(f, 35);
        return new CommB.TrackAndTurn(
                doubleIf(Bits.meFlag(f, 1), roll50(f)),
                doubleIf(Bits.meFlag(f, 12), angle(f, 13)),
                intIf(Bits.meFlag(f, 24), Bits.me(f, 25, 10) * 2),
                doubleIf(rate, signed(f, 36, 9) * 8.0 / 256.0),
                intIf(Bits.meFlag(f, 46), Bits.me(f, 47, 10) * 2));
    }

    static double mach60(byte[] f) {
        return Bits.me(f, 25, 10) * 2.048 / 512.0;
    }

    /** Vertical rate in ft/min: sign bit and 9 bits of 32 ft/min, two's complement. */
    static int verticalRate60(byte[] f, int signBit) {
        return signed(f, signBit, 9) * 32;
    }

    static CommB bds60(byte[] f) {
        return new CommB.HeadingAndSpeed(
                doubleIf(Bits.meFlag(f, 1), angle(f, 2)),
                intIf(Bits.meFlag(f, 13), Bits.me(f, 14, 10)),
                doubleIf(Bits.meFlag(f, 24), mach60(f)),
                intIf(Bits.meFlag(f, 35), verticalRate60(f, 36)),
                intIf(Bits.meFlag(f, 46), verticalRate60(f, 47)));
    }
}
