package org.parley.ais;

/**
 * Message 16: assigned mode command (ITU-R M.1371-5 Annex 8 §3.14, Table 56): one or two stations
 * with slot offset and increment; the second is 0 when the message is 96 bits long.
 */
public record AssignedModeCommand(
        int repeat, int mmsi, int mmsi1, int offset1, int increment1, int mmsi2, int offset2, int increment2)
        implements AisMessage {
    public AssignedModeCommand {
        Check.unsigned(repeat, 2, "repeat");
        Check.unsigned(mmsi, 30, "mmsi");
        Check.unsigned(mmsi1, 30, "mmsi1");
        Check.unsigned(mmsi2, 30, "mmsi2");
    }

    static AssignedModeCommand read(Bits b) {
        boolean two = b.length() >= 144;
        return new AssignedModeCommand(
                b.unsigned(6, 2),
                b.unsigned(8, 30),
                b.unsigned(40, 30),
                b.unsigned(70, 12),
                b.unsigned(82, 10),
                two ? b.unsigned(92, 30) : 0,
                two ? b.unsigned(122, 12) : 0,
                two ? b.unsigned(134, 10) : 0);
    }

    @Override
    public int messageType() {
        return 16;
    }
}
