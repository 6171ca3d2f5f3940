package org.parley.ais;

/**
 * Messages 7 (binary acknowledge) and 13 (safety related acknowledge), ITU-R M.1371-5 Annex 8 §3.5:
 * up to four destination MMSIs at bits 40, 72, 104, 136, each followed by a 2-bit sequence number;
 * absent destinations are 0.
 */
public record Acknowledgement(int messageType, int repeat, int mmsi, int mmsi1, int mmsi2, int mmsi3, int mmsi4)
        implements AisMessage {
    public Acknowledgement {
        Check.messageType(messageType, 7, 13);
        Check.unsigned(repeat, 2, "repeat");
        Check.unsigned(mmsi, 30, "mmsi");
        Check.unsigned(mmsi1, 30, "mmsi1");
        Check.unsigned(mmsi2, 30, "mmsi2");
        Check.unsigned(mmsi3, 30, "mmsi3");
        Check.unsigned(mmsi4, 30, "mmsi4");
    }

    static Acknowledgement read(Bits b) {
        int[] d = new int[4];
        for (int i = 0; i < 4; i++) {
            d[i] = 40 + 32 * i < b.length() ? b.unsigned(40 + 32 * i, 30) : 0;
        }
        return new Acknowledgement(b.unsigned(0, 6), b.unsigned(6, 2), b.unsigned(8, 30), d[0], d[1], d[2], d[3]);
    }
}
