package org.parley.adsb;

import java.util.HexFormat;
import java.util.Locale;

/**
 * Builds DF17 extended squitters (112-bit ADS-B frames from a transponder, CA = 5) as hex text
 * the decoder reads ({@link AdsbDecoder#decodeHex}, or {@code *...;} lines in a raw feed): for
 * synthetic feeds and tests. The field layouts are the ones {@link ExtendedSquitter} and
 * {@code Velocity} decode (DO-260B §2.2.3.2); the parity is the Mode S CRC-24 over the first 88
 * bits (ICAO Annex 10 Vol IV §3.1.2.3.3).
 *
 * <pre>
 * frame: 1-5 DF=17 | 6-8 CA=5 | 9-32 AA (address) | 33-88 ME | 89-112 PI (parity)
 * </pre>
 */
public final class AdsbEncoder {
    private static final String IDENT_CHARS = "#ABCDEFGHIJKLMNOPQRSTUVWXYZ##### ###############0123456789######";
    private static final int NZ = 15;
    private static final double CPR_SCALE = 131072.0; // 2^17

    private AdsbEncoder() {}

    /**
     * TC 1-4 identification. ME: 1-5 TC | 6-8 category | 9-56 eight 6-bit characters (A-Z, 0-9,
     * space), the callsign left-aligned and padded with spaces.
     */
    public static String identification(IcaoAddress address, int typeCode, int category, String callsign) {
        if (typeCode < 1 || typeCode > 4 || category < 0 || category > 7) {
            throw new IllegalArgumentException("typeCode must be 1-4, category 0-7: " + typeCode + ", " + category);
        }
        String padded = String.format(Locale.ROOT, "%-8s", callsign.toUpperCase(Locale.ROOT));
        if (padded.length() != 8) {
            throw new IllegalArgumentException("callsign must have at most 8 characters: " + callsign);
        }
        byte[] f = header(address);
        putMe(f, 1, 5, typeCode);
        putMe(f, 6, 3, category);
        for (int i = 0; i < 8; i++) {
            int code = IDENT_CHARS.indexOf(padded.charAt(i));
            if (code < 0 || padded.charAt(i) == '#') {
                throw new IllegalArgumentException("callsign characters must be A-Z, 0-9 or space: " + callsign);
            }
            putMe(f, 9 + 6 * i, 6, code);
        }
        return seal(f);
    }

    /**
     * TC 9-18 airborne position with barometric altitude in 25 ft steps (Q bit set) and the
     * position as an airborne CPR even ({@code odd == false}) or odd report (DO-260B A.1.7.3, 17
     * bits). ME: 1-5 TC | 6-7 SS=0 | 8 NIC-B=0 | 9-20 altitude | 21 T=0 | 22 F | 23-39 lat | 40-56 lon.
     */
    public static String airbornePosition(
            IcaoAddress address,
            int typeCode,
            double latitudeDegrees,
            double longitudeDegrees,
            double altitudeFeet,
            boolean odd) {
        if (typeCode < 9 || typeCode > 18) {
            throw new IllegalArgumentException("typeCode must be 9-18 (barometric altitude): " + typeCode);
        }
        long n = Math.round((altitudeFeet + 1000) / 25);
        if (n < 0 || n > 0x7FF) {
            throw new IllegalArgumentException("altitudeFeet must be within -1000..50175: " + altitudeFeet);
        }
        byte[] f = header(address);
        putMe(f, 1, 5, typeCode);
        // AC12 with Q = 1: the 11-bit count of 25 ft steps above -1000 ft, Q in the 8th bit.
        putMe(f, 9, 12, (int) (((n >> 4) << 5) | 0x10 | (n & 0xF)));
        putMe(f, 22, 1, odd ? 1 : 0);
        int[] cpr = cpr(latitudeDegrees, longitudeDegrees, odd);
        putMe(f, 23, 17, cpr[0]);
        putMe(f, 40, 17, cpr[1]);
        return seal(f);
    }

    /**
     * TC 19 subtype 1 airborne velocity over ground (subsonic), with a barometric vertical rate.
     * ME: 1-5 TC | 6-8 subtype=1 | 9 IC | 10 IFR | 11-13 NACv (all 0) | 14 E-W sign (1 = west) |
     * 15-24 E-W knots + 1 | 25 N-S sign (1 = south) | 26-35 N-S knots + 1 | 36 VR source (1 = baro)
     * | 37 VR sign (1 = down) | 38-46 VR / 64 + 1 | 47-56 GNSS-baro difference not available (0).
     */
    public static String airborneVelocity(
            IcaoAddress address, double groundSpeedKnots, double trackDegrees, double verticalRateFeetPerMinute) {
        double east = groundSpeedKnots * Math.sin(Math.toRadians(trackDegrees));
        double north = groundSpeedKnots * Math.cos(Math.toRadians(trackDegrees));
        long ew = Math.round(Math.abs(east));
        long ns = Math.round(Math.abs(north));
        long vr = Math.round(Math.abs(verticalRateFeetPerMinute) / 64);
        if (ew > 1021 || ns > 1021 || vr > 510) {
            throw new IllegalArgumentException("speed or vertical rate beyond subtype 1: " + groundSpeedKnots + " kn, "
                    + verticalRateFeetPerMinute + " ft/min");
        }
        byte[] f = header(address);
        putMe(f, 1, 5, 19);
        putMe(f, 6, 3, 1);
        putMe(f, 14, 1, east < 0 && ew > 0 ? 1 : 0);
        putMe(f, 15, 10, (int) ew + 1);
        putMe(f, 25, 1, north < 0 && ns > 0 ? 1 : 0);
        putMe(f, 26, 10, (int) ns + 1);
        putMe(f, 36, 1, 1);
        putMe(f, 37, 1, verticalRateFeetPerMinute < 0 && vr > 0 ? 1 : 0);
        putMe(f, 38, 9, (int) vr + 1);
        return seal(f);
    }

    /**
     * Airborne CPR encoding, DO-260B A.1.7.3 with Nb = 17: {YZ, XZ}. Dlat = 360 / (4 NZ - i);
     * YZ = floor(2^17 mod(lat, Dlat) / Dlat + 1/2); Rlat = Dlat (YZ / 2^17 + floor(lat / Dlat));
     * Dlon = 360 / max(NL(Rlat) - i, 1); XZ likewise; both taken mod 2^17.
     */
    static int[] cpr(double latitudeDegrees, double longitudeDegrees, boolean odd) {
        int i = odd ? 1 : 0;
        double dLat = 360.0 / (4 * NZ - i);
        double yz = Math.floor(CPR_SCALE * mod(latitudeDegrees, dLat) / dLat + 0.5);
        double rLat = dLat * (yz / CPR_SCALE + Math.floor(latitudeDegrees / dLat));
        int zones = Cpr.nl(rLat) - i;
        double dLon = zones > 0 ? 360.0 / zones : 360.0;
        double xz = Math.floor(CPR_SCALE * mod(longitudeDegrees, dLon) / dLon + 0.5);
        return new int[] {(int) mod(yz, CPR_SCALE), (int) mod(xz, CPR_SCALE)};
    }

    private static double mod(double x, double y) {
        return x - y * Math.floor(x / y);
    }

    private static byte[] header(IcaoAddress address) {
        byte[] f = new byte[14];
        put(f, 1, 5, 17);
        put(f, 6, 3, 5);
        put(f, 9, 24, address.value());
        return f;
    }

    private static void putMe(byte[] f, int first, int length, int value) {
        put(f, Bits.ME_OFFSET + first, length, value);
    }

    /** Writes {@code value} into frame bits first..first+length-1 (1-based, MSB first). */
    private static void put(byte[] f, int first, int length, int value) {
        for (int k = 0; k < length; k++) {
            int bit = first - 1 + k;
            int on = (value >>> (length - 1 - k)) & 1;
            int mask = 0x80 >>> (bit & 7);
            f[bit >>> 3] = (byte) (on == 1 ? f[bit >>> 3] | mask : f[bit >>> 3] & ~mask);
        }
    }

    /** Fills PI with the CRC of the first 88 bits (the syndrome of a frame whose PI is zero). */
    private static String seal(byte[] f) {
        int crc = Crc24.syndrome(f, 14);
        f[11] = (byte) (crc >>> 16);
        f[12] = (byte) (crc >>> 8);
        f[13] = (byte) crc;
        return HexFormat.of().withUpperCase().formatHex(f);
    }
}
