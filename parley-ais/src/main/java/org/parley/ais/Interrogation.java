package org.parley.ais;

/**
 * Message 15: interrogation (ITU-R M.1371-5 Annex 8 §3.13, Table 55): station 1 asked for up to two
 * message types (with slot offsets), station 2 for one. Absent parts are 0.
 */
public record Interrogation(
        int repeat,
        int mmsi,
        int mmsi1,
        int type11,
        int offset11,
        int type12,
        int offset12,
        int mmsi2,
        int type21,
        int offset21)
        implements AisMessage {
    public Interrogation {
        Check.unsigned(repeat, 2, "repeat");
        Check.unsigned(mmsi, 30, "mmsi");
        Check.unsigned(mmsi1, 30, "mmsi1");
        Check.unsigned(mmsi2, 30, "mmsi2");
    }

    static Interrogation read(Bits b) {
        int len = b.length();
        boolean second = len > 90;
        boolean third = len > 110;
        return new Interrogation(
                b.unsigned(6, 2),
                b.unsigned(8, 30),
                b.unsigned(40, 30),
                b.unsigned(70, 6),
                b.unsigned(76, 12),
                second ? b.unsigned(90, 6) : 0,
                second ? b.unsigned(96, 12) : 0,
                third ? b.unsigned(110, 30) : 0,
                third ? b.unsigned(140, 6) : 0,
                third ? b.unsigned(146, 12) : 0);
    }

    @Override
    public int messageType() {
        return 15;
    }
}
