package org.parley.ais.gpsd;

import static org.parley.ais.gpsd.Json.num;
import static org.parley.ais.gpsd.Json.str;

import org.parley.ais.StaticDataReport;

/**
 * Pairs message 24 parts A and B (ITU-R M.1371-5 §3.22: a Class B unit sends both parts, part A
 * first) the way gpsdecode does: recent part-A names sit in a small ring; a part B with the same
 * MMSI takes the name and prints one merged object.
 */
final class Type24Merger {
    private static final int RING = 8;
    private final int[] mmsis = new int[RING];
    private final String[] names = new String[RING];
    private int next;

    Type24Merger() {
        java.util.Arrays.fill(names, "");
    }

    boolean append(StaticDataReport part, JsonBytes sb) {
        switch (part) {
            case StaticDataReport.PartA a -> {
                mmsis[next] = a.mmsi();
                names[next] = a.shipName();
                next = (next + 1) % RING;
                return false;
            }
            case StaticDataReport.PartB b -> {
                for (int i = 0; i < RING; i++) {
                    // As newer gpsd (its .js.chk): a part A is used once, so a repeated part B prints
                    // nothing; gpsd 3.22 printed it again (docs/ais-differences.md).
                    if (mmsis[i] == b.mmsi()) {
                        mmsis[i] = 0;
                        write(b, names[i], sb);
                        return true;
                    }
                }
                return false;
            }
        }
    }

    private static void write(StaticDataReport.PartB b, String name, JsonBytes sb) {
        GpsdJson.head(sb, b);
        str(sb, ",\"shipname\":", name);
        GpsdJson.shipType(sb, b.shipType());
        str(sb, ",\"vendorid\":", b.vendorId());
        num(sb, ",\"model\":", b.unitModel());
        num(sb, ",\"serial\":", b.serialNumber());
        str(sb, ",\"callsign\":", b.callsign());
        if (b.isAuxiliaryCraft()) {
            num(sb, ",\"mothership_mmsi\":", b.mothershipMmsi());
        } else {
            GpsdJson.dimensions(sb, b.dimensions());
        }
        sb.append('}');
    }
}
