package org.parley.adsb;

/**
 * Altitude codes: the 13-bit AC field of DF0/4/16/20 (ICAO Annex 10 Vol IV §3.1.2.6.5.4) and the
 * 12-bit altitude of ADS-B airborne position (DO-260B §2.2.3.2.3.4), which is AC13 without the M
 * bit.
 *
 * <pre>
 * AC13 bit: 1  2  3  4  5  6  7 8  9 10 11 12 13
 *           C1 A1 C2 A2 C4 A4 M B1 Q B2 D2 B4 D4
 * </pre>
 */
final class AltitudeCodes {
    /** Returned when the code carries no valid altitude. */
    static final int INVALID = Integer.MIN_VALUE;

    private AltitudeCodes() {}

    static int ac12ToFeet(int ac12) {
        return ac13ToFeet(((ac12 & 0xFC0) << 1) | (ac12 & 0x3F));
    }

    static int ac13ToFeet(int ac13) {
        if (ac13 == 0) {
            return INVALID;
        }
        boolean metric = (ac13 & 0x40) != 0;
        if (metric) {
            // Annex 10 Vol IV §3.1.2.6.5.4 b): M=1 means metres; the remaining 12 bits are binary.
            int metres = ((ac13 & 0x1F80) >>> 1) | (ac13 & 0x3F);
            return (int) (metres * 3.28084);
        }
        boolean q = (ac13 & 0x10) != 0;
        if (q) {
            // Q=1: 25 ft increments from -1000 ft, the 11 bits without M and Q.
            int n = ((ac13 & 0x1F80) >>> 2) | ((ac13 & 0x20) >>> 1) | (ac13 & 0x0F);
            return n * 25 - 1000;
        }
        return gillhamToFeet(ac13);
    }

    /** Gillham (Gray) code in 100 ft increments, Annex 10 Vol IV §3.1.1.7.12.2.3 ordering. */
    private static int gillhamToFeet(int ac13) {
        int c1 = bit(ac13, 12);
        int a1 = bit(ac13, 11);
        int c2 = bit(ac13, 10);
        int a2 = bit(ac13, 9);
        int c4 = bit(ac13, 8);
        int a4 = bit(ac13, 7);
        int b1 = bit(ac13, 5);
        int b2 = bit(ac13, 3);
        int d2 = bit(ac13, 2);
        int b4 = bit(ac13, 1);
        int d4 = bit(ac13, 0);
        int gray500 = d2 << 7 | d4 << 6 | a1 << 5 | a2 << 4 | a4 << 3 | b1 << 2 | b2 << 1 | b4;
        int gray100 = c1 << 2 | c2 << 1 | c4;
        int n500 = grayToBinary(gray500);
        int n100 = grayToBinary(gray100);
        if (n100 == 0 || n100 == 5 || n100 == 6) {
            return INVALID;
        }
        if (n100 == 7) {
            n100 = 5;
        }
        if ((n500 & 1) != 0) {
            n100 = 6 - n100;
        }
        return n500 * 500 + n100 * 100 - 1300;
    }

    private static int bit(int value, int index) {
        return (value >>> index) & 1;
    }

    private static int grayToBinary(int gray) {
        int n = gray;
        n ^= n >>> 8;
        n ^= n >>> 4;
        n ^= n >>> 2;
        n ^= n >>> 1;
        return n;
    }

    /**
     * The 13-bit identity (Mode A code) field of DF5/21 as four octal digits (Annex 10 Vol IV
     * §3.1.2.6.7.1): C1 A1 C2 A2 C4 A4 X B1 D1 B2 D2 B4 D4.
     */
    static String squawk(int id13) {
        int a = bit(id13, 7) << 2 | bit(id13, 9) << 1 | bit(id13, 11);
        int b = bit(id13, 1) << 2 | bit(id13, 3) << 1 | bit(id13, 5);
        int c = bit(id13, 8) << 2 | bit(id13, 10) << 1 | bit(id13, 12);
        int d = bit(id13, 0) << 2 | bit(id13, 2) << 1 | bit(id13, 4);
        return new String(new char[] {(char) ('0' + a), (char) ('0' + b), (char) ('0' + c), (char) ('0' + d)});
    }
}
