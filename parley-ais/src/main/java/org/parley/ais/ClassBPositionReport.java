package org.parley.ais;

import java.util.OptionalInt;

/**
 * Message 18: standard Class B equipment position report (ITU-R M.1371-5 Annex 8 §3.16, Table 62).
 *
 * <pre>
 * 38-45 regional reserved | 46-55 SOG 0.1kn | 56 accuracy | 57-84 lon | 85-111 lat | 112-123 COG
 * 124-132 heading | 133-138 second | 139-140 regional | 141 CS unit | 142 display | 143 DSC
 * 144 band | 145 msg 22 | 146 assigned | 147 RAIM | 148-167 radio
 * </pre>
 */
public record ClassBPositionReport(
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
        boolean carrierSense,
        boolean display,
        boolean dsc,
        boolean band,
        boolean message22,
        boolean assigned,
        boolean raim,
        int radio)
        implements TenthMinuteKinematics {
    public ClassBPositionReport {
        Check.unsigned(repeat, 2, "repeat");
        Check.unsigned(mmsi, 30, "mmsi");
        Check.unsigned(reserved, 8, "reserved");
        TenthMinuteKinematics.check(rawSpeed, rawLongitude, rawLatitude, rawCourse);
        Check.unsigned(rawHeading, 9, "rawHeading");
        Check.unsigned(timestampSecond, 6, "timestampSecond");
        Check.unsigned(regional, 2, "regional");
        Check.unsigned(radio, 20, "radio");
    }

    static ClassBPositionReport read(Bits b) {
        return new ClassBPositionReport(
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
                b.unsigned(139, 2),
                b.flag(141),
                b.flag(142),
                b.flag(143),
                b.flag(144),
                b.flag(145),
                b.flag(146),
                b.flag(147),
                b.unsigned(148, 20));
    }

    @Override
    public int messageType() {
        return 18;
    }

    @Override
    public OptionalInt headingDegrees() {
        return Units.heading(rawHeading);
    }
}
