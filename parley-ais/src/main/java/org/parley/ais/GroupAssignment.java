package org.parley.ais;

/**
 * Message 23: group assignment command (ITU-R M.1371-5 Annex 8 §3.21, Table 62).
 *
 * <pre>
 * 40-57 NE lon | 58-74 NE lat | 75-92 SW lon | 93-109 SW lat (1/10') | 110-113 station type
 * 114-121 ship type | 122-143 spare | 144-145 Tx/Rx | 146-149 interval | 150-153 quiet | 154-159 spare
 * </pre>
 */
public record GroupAssignment(
        int repeat,
        int mmsi,
        int rawNorthEastLongitude,
        int rawNorthEastLatitude,
        int rawSouthWestLongitude,
        int rawSouthWestLatitude,
        int stationType,
        int shipType,
        int txRxMode,
        int reportingInterval,
        int quietMinutes)
        implements AisMessage {
    public GroupAssignment {
        Check.unsigned(repeat, 2, "repeat");
        Check.unsigned(mmsi, 30, "mmsi");
        Check.unsigned(stationType, 4, "stationType");
        Check.unsigned(shipType, 8, "shipType");
    }

    static GroupAssignment read(Bits b) {
        return new GroupAssignment(
                b.unsigned(6, 2),
                b.unsigned(8, 30),
                b.signed(40, 18),
                b.signed(58, 17),
                b.signed(75, 18),
                b.signed(93, 17),
                b.unsigned(110, 4),
                b.unsigned(114, 8),
                b.unsigned(144, 2),
                b.unsigned(146, 4),
                b.unsigned(150, 4));
    }

    @Override
    public int messageType() {
        return 23;
    }
}
