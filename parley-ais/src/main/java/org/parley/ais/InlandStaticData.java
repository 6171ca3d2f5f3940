package org.parley.ais;

/**
 * Inland ship static and voyage related data, message 8 DAC 200 FI 10 (Inland AIS, ECE/TRANS/SC.3/176
 * §2.4.1 / ERI), 168-bit message.
 *
 * <pre>
 * 56-103 ENI / European vessel id (8 chars) | 104-116 length 0.1 m | 117-126 beam 0.1 m
 * 127-140 ERI ship or combination type | 141-143 hazardous cargo (blue cones; 5 = unknown)
 * 144-154 draught 0.01 m | 155-156 loaded (0 n/a, 1 unloaded, 2 loaded) | 157 speed quality
 * 158 course quality | 159 heading quality | 160-167 spare
 * </pre>
 */
public record InlandStaticData(
        String europeanVesselId,
        int rawLength,
        int rawBeam,
        int eriShipType,
        int hazardousCargo,
        int rawDraught,
        int loaded,
        boolean speedQualityHigh,
        boolean courseQualityHigh,
        boolean headingQualityHigh)
        implements ApplicationData {
    public InlandStaticData {
        Check.text(europeanVesselId, 8, "europeanVesselId");
        Check.unsigned(rawLength, 13, "rawLength");
        Check.unsigned(rawBeam, 10, "rawBeam");
        Check.unsigned(eriShipType, 14, "eriShipType");
        Check.unsigned(hazardousCargo, 3, "hazardousCargo");
        Check.unsigned(rawDraught, 11, "rawDraught");
        Check.unsigned(loaded, 2, "loaded");
    }

    static InlandStaticData read(Bits b) {
        return new InlandStaticData(
                b.text(56, 8),
                b.unsigned(104, 13),
                b.unsigned(117, 10),
                b.unsigned(127, 14),
                b.unsigned(141, 3),
                b.unsigned(144, 11),
                b.unsigned(155, 2),
                b.flag(157),
                b.flag(158),
                b.flag(159));
    }

    public double lengthMetres() {
        return rawLength / 10.0;
    }

    public double beamMetres() {
        return rawBeam / 10.0;
    }

    public double draughtMetres() {
        return rawDraught / 100.0;
    }
}
