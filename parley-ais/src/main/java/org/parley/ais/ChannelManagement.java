package org.parley.ais;

/**
 * Message 22: channel management (ITU-R M.1371-5 Annex 8 §3.20, Table 61).
 *
 * <pre>
 * 40-51 channel A | 52-63 channel B | 64-67 Tx/Rx mode | 68 power | 69-138 area (NE lon 18, NE lat 17,
 * SW lon 18, SW lat 17, in 1/10') or two addressed MMSIs (69-98, 104-133) | 139 addressed
 * 140 band A | 141 band B | 142-144 zone size | 145-167 spare
 * </pre>
 * When {@code addressed}, the area fields are 0; otherwise the destination fields are 0.
 */
public record ChannelManagement(
        int repeat,
        int mmsi,
        int channelA,
        int channelB,
        int txRxMode,
        boolean highPower,
        boolean addressed,
        int rawNorthEastLongitude,
        int rawNorthEastLatitude,
        int rawSouthWestLongitude,
        int rawSouthWestLatitude,
        int destinationMmsi1,
        int destinationMmsi2,
        boolean bandA,
        boolean bandB,
        int zoneSize)
        implements AisMessage {
    public ChannelManagement {
        Check.unsigned(repeat, 2, "repeat");
        Check.unsigned(mmsi, 30, "mmsi");
        Check.unsigned(channelA, 12, "channelA");
        Check.unsigned(channelB, 12, "channelB");
        Check.unsigned(txRxMode, 4, "txRxMode");
        Check.unsigned(zoneSize, 3, "zoneSize");
    }

    static ChannelManagement read(Bits b) {
        boolean addressed = b.flag(139);
        return new ChannelManagement(
                b.unsigned(6, 2),
                b.unsigned(8, 30),
                b.unsigned(40, 12),
                b.unsigned(52, 12),
                b.unsigned(64, 4),
                b.flag(68),
                addressed,
                addressed ? 0 : b.signed(69, 18),
                addressed ? 0 : b.signed(87, 17),
                addressed ? 0 : b.signed(104, 18),
                addressed ? 0 : b.signed(122, 17),
                addressed ? b.unsigned(69, 30) : 0,
                addressed ? b.unsigned(104, 30) : 0,
                b.flag(140),
                b.flag(141),
                b.unsigned(142, 3));
    }

    @Override
    public int messageType() {
        return 22;
    }
}
