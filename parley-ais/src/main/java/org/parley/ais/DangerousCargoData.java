package org.parley.ais;

/**
 * Dangerous cargo indication, message 6 DAC 1 FI 12 (IMO SN.1/Circ.236 Annex 2 §3).
 *
 * <pre>
 * 88-117 last port (5) | 118-137 departure month/day/hour/minute | 138-167 next port (5)
 * 168-187 ETA month/day/hour/minute | 188-307 dangerous goods (20) | 308-331 IMD category (4)
 * 332-344 UN number | 345-354 amount | 355-356 unit
 * </pre>
 */
public record DangerousCargoData(
        String lastPort,
        int departureMonth,
        int departureDay,
        int departureHour,
        int departureMinute,
        String nextPort,
        int etaMonth,
        int etaDay,
        int etaHour,
        int etaMinute,
        String dangerousGoods,
        String imdCategory,
        int unNumber,
        int amount,
        int unit)
        implements ApplicationData {
    public DangerousCargoData {
        Check.text(lastPort, 5, "lastPort");
        Check.text(nextPort, 5, "nextPort");
        Check.text(dangerousGoods, 20, "dangerousGoods");
        Check.text(imdCategory, 4, "imdCategory");
    }

    static DangerousCargoData read(Bits b) {
        return new DangerousCargoData(
                b.text(88, 5),
                b.unsigned(118, 4),
                b.unsigned(122, 5),
                b.unsigned(127, 5),
                b.unsigned(132, 6),
                b.text(138, 5),
                b.unsigned(168, 4),
                b.unsigned(172, 5),
                b.unsigned(177, 5),
                b.unsigned(182, 6),
                b.text(188, 20),
                b.text(308, 4),
                b.unsigned(332, 13),
                b.unsigned(345, 10),
                b.unsigned(355, 2));
    }
}
