package org.parley.ais;

/**
 * Message 17: GNSS broadcast binary message (ITU-R M.1371-5 Annex 8 §3.15, Table 57): 40-57 lon and
 * 58-74 lat of the reference station in 1/10 minute, 80.. DGNSS correction data (ITU-R M.823).
 */
public record DgnssBroadcast(int repeat, int mmsi, int rawLongitude, int rawLatitude, BinaryData data)
        implements AisMessage {
    public DgnssBroadcast {
        Check.unsigned(repeat, 2, "repeat");
        Check.unsigned(mmsi, 30, "mmsi");
        Check.signed(rawLongitude, 18, "rawLongitude");
        Check.signed(rawLatitude, 17, "rawLatitude");
    }

    @Override
    public int messageType() {
        return 17;
    }
}
