package org.parley.ais;

/**
 * Clearance time to enter port, message 6 DAC 1 FI 18 (IMO SN.1/Circ.289 §9).
 *
 * <pre>
 * 88-97 message linkage | 98-117 month/day/hour/minute | 118-237 port and berth (20)
 * 238-267 destination UN/LOCODE (5) | 268-292 lon 1/1000' | 293-316 lat 1/1000' | 317-359 spare
 * </pre>
 */
public record ClearanceTimeData(
        int linkage,
        int month,
        int day,
        int hour,
        int minute,
        String portName,
        String destination,
        int rawLongitude,
        int rawLatitude)
        implements ApplicationData {
    public ClearanceTimeData {
        Check.text(portName, 20, "portName");
        Check.text(destination, 5, "destination");
    }

    static ClearanceTimeData read(Bits b) {
        return new ClearanceTimeData(
                b.unsigned(88, 10),
                b.unsigned(98, 4),
                b.unsigned(102, 5),
                b.unsigned(107, 5),
                b.unsigned(112, 6),
                b.text(118, 20),
                b.text(238, 5),
                b.signed(268, 25),
                b.signed(293, 24));
    }
}
