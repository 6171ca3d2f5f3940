package org.parley.ais;

import java.util.OptionalDouble;

/**
 * Message 21: aids-to-navigation report (ITU-R M.1371-5 Annex 8 §3.19, Table 60).
 *
 * <pre>
 * 38-42 type | 43-162 name (20) | 163 accuracy | 164-191 lon | 192-218 lat | 219-248 dimensions
 * 249-252 EPFD | 253-258 second | 259 off position | 260-267 regional | 268 RAIM | 269 virtual
 * 270 assigned | 271 spare | 272.. name extension (up to 14 chars)
 * </pre>
 */
public record AidToNavigationReport(
        int repeat,
        int mmsi,
        int aidType,
        String name,
        boolean accuracy,
        int rawLongitude,
        int rawLatitude,
        ShipDimensions dimensions,
        int epfd,
        int timestampSecond,
        boolean offPosition,
        int regional,
        boolean raim,
        boolean virtualAid,
        boolean assigned)
        implements AisMessage {
    public AidToNavigationReport {
        Check.unsigned(repeat, 2, "repeat");
        Check.unsigned(mmsi, 30, "mmsi");
        Check.unsigned(aidType, 5, "aidType");
        Check.text(name, 34, "name");
        Check.signed(rawLongitude, 28, "rawLongitude");
        Check.signed(rawLatitude, 27, "rawLatitude");
        Check.unsigned(epfd, 4, "epfd");
        Check.unsigned(timestampSecond, 6, "timestampSecond");
        Check.unsigned(regional, 8, "regional");
    }

    static AidToNavigationReport read(Bits b) {
        String name = b.textUntrimmed(43, 20);
        if (name.length() == 20 && b.length() > 272) {
            // Table 60: the extension holds at most 14 characters (88 bits incl. fill).
            name = name + b.text(272, Math.min(14, (b.length() - 272) / 6));
        }
        return new AidToNavigationReport(
                b.unsigned(6, 2),
                b.unsigned(8, 30),
                b.unsigned(38, 5),
                Bits.trimRight(name),
                b.flag(163),
                b.signed(164, 28),
                b.signed(192, 27),
                ShipDimensions.read(b, 219),
                b.unsigned(249, 4),
                b.unsigned(253, 6),
                b.flag(259),
                b.unsigned(260, 8),
                b.flag(268),
                b.flag(269),
                b.flag(270));
    }

    @Override
    public int messageType() {
        return 21;
    }

    public OptionalDouble latitudeDegrees() {
        return Units.latitude(rawLatitude, Units.TENTH_MINUTE_DEGREES);
    }

    public OptionalDouble longitudeDegrees() {
        return Units.longitude(rawLongitude, Units.TENTH_MINUTE_DEGREES);
    }
}
