package org.parley.ais;

import java.util.OptionalInt;

/**
 * Message 19: extended Class B equipment position report (ITU-R M.1371-5 Annex 8 §3.17, Table 63).
 *
 * <pre>
 * 38-45 reserved | 46-55 SOG | 56 accuracy | 57-84 lon | 85-111 lat | 112-123 COG | 124-132 heading
 * 133-138 second | 139-142 regional | 143-262 name (20 chars) | 263-270 ship type
 * 271-300 dimensions | 301-304 EPFD | 305 RAIM | 306 DTE | 307 assigned | 308-311 spare
 * </pre>
 */
public record ClassBExtendedReport(
        int repeat,
        int mmsi,
        int reserved,
        int rawSpeed,
        boolean accuracy,
        int rawLongitude,
        int rawLatitude,
        int rawCourse,
        int rawHeading,
        int timestampSecond,
        int regional,
        String shipName,
        int shipType,
        ShipDimensions dimensions,
        int epfd,
        boolean raim,
        boolean dte,
        boolean assigned)
        implements TenthMinuteKinematics {
    public ClassBExtendedReport {
        Check.unsigned(repeat, 2, "repeat");
        Check.unsigned(mmsi, 30, "mmsi");
        Check.unsigned(reserved, 8, "reserved");
        TenthMinuteKinematics.check(rawSpeed, rawLongitude, rawLatitude, rawCourse);
        Check.unsigned(rawHeading, 9, "rawHeading");
        Check.unsigned(timestampSecond, 6, "timestampSecond");
        Check.unsigned(regional, 4, "regional");
        Check.text(shipName, 20, "shipName");
        Check.unsigned(shipType, 8, "shipType");
        Check.unsigned(epfd, 4, "epfd");
    }

    static ClassBExtendedReport read(Bits b) {
        return new ClassBExtendedReport(
                b.unsigned(6, 2),
                b.unsigned(8, 30),
                b.unsigned(38, 8),
                b.unsigned(46, 10),
                b.flag(56),
                b.signed(57, 28),
                b.signed(85, 27),
                b.unsigned(112, 12),
                b.unsigned(124, 9),
                b.unsigned(133, 6),
                b.unsigned(139, 4),
                b.text(143, 20),
                b.unsigned(263, 8),
                ShipDimensions.read(b, 271),
                b.unsigned(301, 4),
                b.flag(305),
                b.flag(306),
                b.flag(307));
    }

    @Override
    public int messageType() {
        return 19;
    }

    @Override
    public OptionalInt headingDegrees() {
        return Units.heading(rawHeading);
    }
}
