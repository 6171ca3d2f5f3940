package org.parley.adsb;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The 56-bit MB field of a Comm-B reply (DF20/21), read as the register it most likely holds. A
 * ground-initiated Comm-B reply does not say which register it carries, so the register is
 * inferred from the content (ICAO Doc 9871 Appendix A register layouts and reserved bits); when
 * several registers fit, the result is {@link Ambiguous} and lists them.
 */
public sealed interface CommB {
    /** Registers this decoder recognises (ICAO Doc 9871 Table A-2-x numbering). */
    enum Register {
        BDS10,
        BDS17,
        BDS20,
        BDS30,
        BDS40,
        BDS44,
        BDS45,
        BDS50,
        BDS60
    }

    /** The registers the content is consistent with, in register order; empty if none. */
    List<Register> candidates();

    /** MB all zero: the transponder had nothing to report. */
    record Empty() implements CommB {
        @Override
        public List<Register> candidates() {
            return List.of();
        }
    }

    /** No known register fits the content. */
    record Unknown() implements CommB {
        @Override
        public List<Register> candidates() {
            return List.of();
        }
    }

    /** Several registers fit; none is decoded. */
    record Ambiguous(List<Register> candidates) implements CommB {
        public Ambiguous {
            candidates = List.copyOf(candidates);
            if (candidates.size() < 2) {
                throw new IllegalArgumentException("Ambiguous needs at least two candidates: " + candidates);
            }
        }
    }

    /** BDS 1,0 data link capability report (Doc 9871 A.2.1.1). */
    record DataLinkCapability(boolean overlayCapable) implements CommB {
        @Override
        public List<Register> candidates() {
            return List.of(Register.BDS10);
        }
    }

    /** BDS 1,7 common-usage GICB capability report (Doc 9871 A.2.1.8): supported registers. */
    record GicbCapability(List<String> supportedRegisters) implements CommB {
        public GicbCapability {
            supportedRegisters = List.copyOf(supportedRegisters);
        }

        @Override
        public List<Register> candidates() {
            return List.of(Register.BDS17);
        }
    }

    /** BDS 2,0 aircraft identification (Doc 9871 A.2.2.1); callsign without trailing spaces. */
    record AircraftIdentification(String callsign) implements CommB {
        @Override
        public List<Register> candidates() {
            return List.of(Register.BDS20);
        }
    }

    /** BDS 3,0 ACAS active resolution advisory (Doc 9871 A.2.3.1), not decoded further. */
    record ResolutionAdvisory(int activeRaBits) implements CommB {
        @Override
        public List<Register> candidates() {
            return List.of(Register.BDS30);
        }
    }

    /** BDS 4,0 selected vertical intention (Doc 9871 A.2.4.1). */
    record SelectedVerticalIntention(
            OptionalInt mcpAltitudeFeet, OptionalInt fmsAltitudeFeet, OptionalDouble baroSettingHectopascals)
            implements CommB {
        @Override
        public List<Register> candidates() {
            return List.of(Register.BDS40);
        }
    }

    /** BDS 4,4 meteorological routine air report (Doc 9871 A.2.4.5). */
    record MeteorologicalRoutine(
            OptionalInt windSpeedKnots,
            OptionalDouble windDirectionDegrees,
            double staticAirTemperatureCelsius,
            OptionalInt staticPressureHectopascals,
            OptionalDouble humidityPercent)
            implements CommB {
        @Override
        public List<Register> candidates() {
            return List.of(Register.BDS44);
        }
    }

    /** BDS 4,5 meteorological hazard report (Doc 9871 A.2.4.6). */
    record MeteorologicalHazard(
            OptionalInt turbulenceLevel,
            OptionalInt windShearLevel,
            OptionalInt microburstLevel,
            OptionalInt icingLevel,
            OptionalInt wakeVortexLevel,
            double staticAirTemperatureCelsius,
            OptionalInt staticPressureHectopascals,
            OptionalInt radioHeightFeet)
            implements CommB {
        @Override
        public List<Register> candidates() {
            return List.of(Register.BDS45);
        }
    }

    /** BDS 5,0 track and turn report (Doc 9871 A.2.5.1). */
    record TrackAndTurn(
            OptionalDouble rollDegrees,
            OptionalDouble trueTrackDegrees,
            OptionalInt groundSpeedKnots,
            OptionalDouble trackRateDegreesPerSecond,
            OptionalInt trueAirspeedKnots)
            implements CommB {
        @Override
        public List<Register> candidates() {
            return List.of(Register.BDS50);
        }
    }

    /** BDS 6,0 heading and speed report (Doc 9871 A.2.6.1). */
    record HeadingAndSpeed(
            OptionalDouble magneticHeadingDegrees,
            OptionalInt indicatedAirspeedKnots,
            OptionalDouble mach,
            OptionalInt baroVerticalRateFeetPerMinute,
            OptionalInt inertialVerticalRateFeetPerMinute)
            implements CommB {
        @Override
        public List<Register> candidates() {
            return List.of(Register.BDS60);
        }
    }
}
