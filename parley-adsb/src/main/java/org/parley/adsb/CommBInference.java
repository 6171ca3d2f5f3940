package org.parley.adsb;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks the register a Comm-B MB field holds. Each test checks what Doc 9871 Appendix A fixes for
 * a register: its identifying first byte (1,0 / 2,0 / 3,0), reserved bits that must be zero, and
 * status bits that must be set whenever their field is non-zero; then plausibility limits on the
 * values (speeds, roll, vertical rates, temperatures). The same tests as pyModeS 2.x use, so that
 * ambiguity is reported the same way as in its golden decodes.
 */
final class CommBInference {
    private static final String IDENT_CHARS = "#ABCDEFGHIJKLMNOPQRSTUVWXYZ##### ###############0123456789######";
    private static final String[] GICB_REGISTERS = {
        "0,5", "0,6", "0,7", "0,8", "0,9", "0,A", "2,0", "2,1", "4,0", "4,1", "4,2", "4,3", "4,4", "4,5", "4,8", "5,0",
        "5,1", "5,2", "5,3", "5,4", "5,5", "5,6", "5,F", "6,0", "", "", "E,1", "E,2"
    };

    private static final CommB.Register[] REGISTERS = CommB.Register.values();

    private CommBInference() {}

    /** The register reading of the MB field; {@code altitudeFeet} (or INVALID) helps tell 6,0. */
    static CommB infer(byte[] f, int altitudeFeet) {
        if (Bits.meLong(f) == 0) {
            return new CommB.Empty();
        }
        int fits = fits(f, altitudeFeet);
        if (fits == 0) {
            return new CommB.Unknown();
        }
        CommB.Register[] all = REGISTERS;
        if (Integer.bitCount(fits) > 1) {
            List<CommB.Register> candidates = new ArrayList<>(Integer.bitCount(fits));
            for (int i = 0; i < all.length; i++) {
                if ((fits & (1 << i)) != 0) {
                    candidates.add(all[i]);
                }
            }
            return new CommB.Ambiguous(candidates);
        }
        return decode(f, all[Integer.numberOfTrailingZeros(fits)]);
    }

    /**
     * True when {@link #infer} reads the MB field as an aircraft identification (register 2,0 and
     * no other): the only reading that feeds the aircraft's state, checked without allocating.
     */
    static boolean identifies(byte[] f, int altitudeFeet) {
        return Bits.meLong(f) != 0 && is20(f) && fits(f, altitudeFeet) == 1 << 2;
    }

    /** One bit per {@link CommB.Register} ordinal whose checks the MB field passes. */
    private static int fits(byte[] f, int altitudeFeet) {
        return (is10(f) ? 1 : 0)
                | (is17(f) ? 1 << 1 : 0)
                | (is20(f) ? 1 << 2 : 0)
                | (is30(f) ? 1 << 3 : 0)
                | (is40(f) ? 1 << 4 : 0)
                | (is44(f) ? 1 << 5 : 0)
                | (is45(f) ? 1 << 6 : 0)
                | (is50(f) ? 1 << 7 : 0)
                | (is60(f, altitudeFeet) ? 1 << 8 : 0);
    }

    private static CommB decode(byte[] f, CommB.Register register) {
        return switch (register) {
            case BDS10 -> new CommB.DataLinkCapability(Bits.meFlag(f, 15));
            case BDS17 -> new CommB.GicbCapability(gicb(f));
            case BDS20 -> new CommB.AircraftIdentification(callsign(f));
            case BDS30 -> new CommB.ResolutionAdvisory(Bits.me(f, 9, 14));
            case BDS40 -> CommBRegisters.bds40(f);
            case BDS44 -> CommBRegisters.bds44(f);
            case BDS45 -> CommBRegisters.bds45(f);
            case BDS50 -> CommBRegisters.bds50(f);
            case BDS60 -> CommBRegisters.bds60(f);
        };
    }

    /** Six-bit characters of ICAO Annex 10 Vol IV Table 3-9, MB bits 9-56; spaces trimmed. */
    static String callsign(byte[] f) {
        return callsign(Bits.meLong(f));
    }

    /** {@link #callsign(byte[])} from the ME/MB field as a long (its low 48 bits are the characters). */
    static String callsign(long me) {
        char[] chars = new char[8];
        for (int i = 0; i < 8; i++) {
            chars[i] = IDENT_CHARS.charAt((int) (me >>> (42 - 6 * i)) & 63);
        }
        return new String(chars).stripTrailing();
    }

    static boolean validCallsignChars(byte[] f) {
        for (int i = 0; i < 8; i++) {
            if (IDENT_CHARS.charAt(Bits.me(f, 9 + 6 * i, 6)) == '#') {
                return false;
            }
        }
        return true;
    }

    private static List<String> gicb(byte[] f) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 28; i++) {
            if (Bits.meFlag(f, i + 1) && !GICB_REGISTERS[i].isEmpty()) {
                out.add(GICB_REGISTERS[i]);
            }
        }
        return out;
    }

    /** True when a status bit is clear but its field is not zero (register cannot be this one). */
    static boolean wrongStatus(byte[] f, int statusBit, int first, int last) {
        return !Bits.meFlag(f, statusBit) && Bits.me(f, first, last - first + 1) != 0;
    }

    static boolean is10(byte[] f) {
        if (Bits.me(f, 1, 8) != 0x10 || Bits.me(f, 10, 5) != 0) {
            return false;
        }
        boolean overlay = Bits.meFlag(f, 15);
        int version = Bits.me(f, 17, 7);
        return overlay ? version >= 5 : version <= 4;
    }

    static boolean is17(byte[] f) {
        // Bits 29-56 are reserved; bit 7 (register 2,0) must be set: every transponder that
        // reports capabilities can at least say who it is.
        return Bits.me(f, 29, 28) == 0 && Bits.meFlag(f, 7);
    }

    static boolean is20(byte[] f) {
        return Bits.me(f, 1, 8) == 0x20 && validCallsignChars(f);
    }

    static boolean is30(byte[] f) {
        return Bits.me(f, 1, 8) == 0x30 && Bits.me(f, 29, 2) != 3 && Bits.me(f, 16, 7) < 48;
    }

    static boolean is40(byte[] f) {
        return !wrongStatus(f, 1, 2, 13)
                && !wrongStatus(f, 14, 15, 26)
                && !wrongStatus(f, 27, 28, 39)
                && !wrongStatus(f, 48, 49, 51)
                && !wrongStatus(f, 54, 55, 56)
                && Bits.me(f, 40, 8) == 0
                && Bits.me(f, 52, 2) == 0;
    }

    static boolean is44(byte[] f) {
        if (wrongStatus(f, 5, 6, 23)
                || wrongStatus(f, 35, 36, 46)
                || wrongStatus(f, 47, 48, 49)
                || wrongStatus(f, 50, 51, 56)
                || Bits.me(f, 1, 4) > 4) {
            return false;
        }
        if (Bits.meFlag(f, 5) && Bits.me(f, 6, 9) > 250) {
            return false;
        }
        int raw = CommBRegisters.signed(f, 24, 10);
        double temp = raw * 0.25;
        double tempAlternative = raw * 0.125;
        return !(Math.min(temp, tempAlternative) > 60 || Math.max(temp, tempAlternative) < -80);
    }

    static boolean is45(byte[] f) {
        int[][] status = {
            {1, 2, 3}, {4, 5, 6}, {7, 8, 9}, {10, 11, 12}, {13, 14, 15}, {16, 17, 26}, {27, 28, 38}, {39, 40, 51}
        };
        for (int[] s : status) {
            if (wrongStatus(f, s[0], s[1], s[2])) {
                return false;
            }
        }
        if (Bits.me(f, 52, 5) != 0) {
            return false;
        }
        double temp = CommBRegisters.bds45Temperature(f);
        return temp == 0 || (temp <= 60 && temp >= -80);
    }

    static boolean is50(byte[] f) {
        if (wrongStatus(f, 1, 3, 11)
                || wrongStatus(f, 12, 13, 23)
                || wrongStatus(f, 24, 25, 34)
                || wrongStatus(f, 35, 36, 45)
                || wrongStatus(f, 46, 47, 56)) {
            return false;
        }
        if (Bits.meFlag(f, 1) && Math.abs(CommBRegisters.roll50(f)) > 50) {
            return false;
        }
        boolean hasGs = Bits.meFlag(f, 24);
        boolean hasTas = Bits.meFlag(f, 46);
        int gs = Bits.me(f, 25, 10) * 2;
        int tas = Bits.me(f, 47, 10) * 2;
        if ((hasGs && gs > 600) || (hasTas && tas > 500)) {
            return false;
        }
        return !(hasGs && hasTas && Math.abs(tas - gs) > 200);
    }

    static boolean is60(byte[] f, int altitudeFeet) {
        if (wrongStatus(f, 1, 2, 12)
                || wrongStatus(f, 13, 14, 23)
                || wrongStatus(f, 24, 25, 34)
                || wrongStatus(f, 35, 36, 45)
                || wrongStatus(f, 46, 47, 56)) {
            return false;
        }
        boolean hasIas = Bits.meFlag(f, 13);
        boolean hasMach = Bits.meFlag(f, 24);
        int ias = Bits.me(f, 14, 10);
        double mach = CommBRegisters.mach60(f);
        if ((hasIas && ias > 500) || (hasMach && mach > 1)) {
            return false;
        }
        if (Bits.meFlag(f, 35) && Math.abs(CommBRegisters.verticalRate60(f, 36)) > 6000) {
            return false;
        }
        if (Bits.meFlag(f, 46) && Math.abs(CommBRegisters.verticalRate60(f, 47)) > 6000) {
            return false;
        }
        if (hasIas && hasMach && altitudeFeet != AltitudeCodes.INVALID) {
            // Mach and IAS must agree at the reported pressure altitude (ISA), within 20 kt.
            double casKnots = Isa.machToCasKnots(mach, altitudeFeet * 0.3048);
            return Math.abs(ias - casKnots) <= 20;
        }
        return true;
    }
}
