package org.parley.ais;

/**
 * Message 8: binary broadcast message (ITU-R M.1371-5 Annex 8 §3.6, Table 50).
 *
 * <pre>
 * 38-39 spare | 40-49 DAC | 50-55 FI | 56.. data
 * </pre>
 */
public record BroadcastBinary(int repeat, int mmsi, int dac, int fid, ApplicationData data) implements AisMessage {
    public BroadcastBinary {
        Check.unsigned(repeat, 2, "repeat");
        Check.unsigned(mmsi, 30, "mmsi");
        Check.unsigned(dac, 10, "dac");
        Check.unsigned(fid, 6, "fid");
    }

    @Override
    public int messageType() {
        return 8;
    }
}
