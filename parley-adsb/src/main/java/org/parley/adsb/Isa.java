package org.parley.adsb;

/**
 * International Standard Atmosphere (ICAO Doc 7488) below 20 km, enough to convert Mach to
 * calibrated airspeed when checking a BDS 6,0 candidate.
 */
final class Isa {
    private static final double R = 287.05287; // J/(kg·K), specific gas constant of dry air
    private static final double GAMMA = 1.4;
    private static final double P0 = 101325; // Pa
    private static final double RHO0 = 1.225; // kg/m³
    private static final double KNOT = 0.514444; // m/s

    private Isa() {}

    static double machToCasKnots(double mach, double altitudeMetres) {
        double temperature = Math.max(288.15 - 0.0065 * altitudeMetres, 216.65);
        // Density: troposphere lapse-rate law, then isothermal decay above 11 km.
        double rho = RHO0
                * Math.pow(temperature / 288.15, 4.256848030018761)
                * Math.exp(-Math.max(0, altitudeMetres - 11000) / 6341.552161);
        double pressure = rho * R * temperature;
        double tas = mach * Math.sqrt(GAMMA * R * temperature);
        // Compressible-flow impact pressure, then the sea-level speed that gives the same.
        double qc = pressure * (Math.pow(1 + rho * tas * tas / (7 * pressure), 3.5) - 1);
        double cas = Math.sqrt(7 * P0 / RHO0 * (Math.pow(qc / P0 + 1, 2.0 / 7.0) - 1));
        return cas / KNOT;
    }
}
