package org.parley.encounter;

/**
 * TCAS II version 7.1 sensitivity levels and alerting thresholds by own altitude (FAA, "Introduction
 * to TCAS II Version 7.1", 2011, Table 3). Altitudes are pressure altitude in feet; AGL is not known
 * over the sea, so the lowest band (SL 2, TA only) is taken below 1,000 ft pressure altitude.
 */
enum TcasTable {
    //      top ft   TA tau  RA tau  TA DMOD  RA DMOD  TA ZTHR  RA ZTHR
    SL2(1000, 20, 0, 0.30, 0, 850, 0),
    SL3(2350, 25, 15, 0.33, 0.20, 850, 600),
    SL4(5000, 30, 20, 0.48, 0.35, 850, 600),
    SL5(10000, 40, 25, 0.75, 0.55, 850, 600),
    SL6(20000, 45, 30, 1.00, 0.80, 850, 600),
    SL7(42000, 48, 35, 1.30, 1.10, 850, 700),
    SL7_HIGH(Double.MAX_VALUE, 48, 35, 1.30, 1.10, 1200, 800);

    final double topFeet;
    final double taTauSeconds;
    final double raTauSeconds;
    final double taDmodNm;
    final double raDmodNm;
    final double taZthrFeet;
    final double raZthrFeet;

    TcasTable(double topFeet, double taTau, double raTau, double taDmod, double raDmod, double taZthr, double raZthr) {
        this.topFeet = topFeet;
        this.taTauSeconds = taTau;
        this.raTauSeconds = raTau;
        this.taDmodNm = taDmod;
        this.raDmodNm = raDmod;
        this.taZthrFeet = taZthr;
        this.raZthrFeet = raZthr;
    }

    /** The band for an altitude; unknown altitude (NaN) takes the en-route band SL 7. */
    static TcasTable forAltitude(double altitudeFeet) {
        if (Double.isNaN(altitudeFeet)) {
            return SL7;
        }
        for (TcasTable band : values()) {
            if (altitudeFeet < band.topFeet) {
                return band;
            }
        }
        return SL7_HIGH;
    }

    boolean issuesResolutionAdvisories() {
        return raTauSeconds > 0;
    }
}
