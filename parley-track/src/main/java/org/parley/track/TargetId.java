package org.parley.track;

/**
 * Who a position report is about, independent of the feed it came from: a ship or other AIS
 * station by its MMSI, or an aircraft by its ICAO 24-bit address.
 */
public sealed interface TargetId extends Comparable<TargetId> {

    /** Short text form: {@code MMSI 412000001} or {@code ICAO 780A3C}. */
    String label();

    /** The domain a target moves in when nothing else is known (an AIS SAR aircraft flies). */
    Domain defaultDomain();

    /**
     * The order of the labels (ICAO addresses before MMSIs, each by value: the labels are
     * zero-padded to a fixed width), computed without formatting them; the encounter sweep orders
     * every pair it solves.
     */
    @Override
    default int compareTo(TargetId other) {
        return Long.compare(orderKey(this), orderKey(other));
    }

    /** ICAO addresses (24 bits) first, then MMSIs above 2^32; instanceof, not a type switch, as it is hot. */
    private static long orderKey(TargetId id) {
        return id instanceof IcaoAddress icao ? icao.value() : (1L << 32) + ((Mmsi) id).value();
    }

    /** A maritime mobile service identity, nine decimal digits (ITU-R M.585). */
    record Mmsi(int value) implements TargetId {
        public Mmsi {
            if (value < 0 || value > 999_999_999) {
                throw new IllegalArgumentException("MMSI must have at most nine digits: " + value);
            }
        }

        @Override
        public String label() {
            return String.format("MMSI %09d", value);
        }

        @Override
        public Domain defaultDomain() {
            // ITU-R M.585-9 Annex 1 section 4: 111MIDXXX identifies a SAR aircraft.
            return value / 1_000_000 == 111 ? Domain.AIR : Domain.SEA;
        }

        @Override
        public String toString() {
            return label();
        }
    }

    /** An ICAO 24-bit aircraft address (ICAO Annex 10 Vol III Part I Chapter 9). */
    record IcaoAddress(int value) implements TargetId {
        public IcaoAddress {
            if (value < 0 || value > 0xFF_FFFF) {
                throw new IllegalArgumentException("ICAO address must fit 24 bits: " + Integer.toHexString(value));
            }
        }

        /** Parses six hexadecimal digits. */
        public static IcaoAddress parse(String hex) {
            if (!hex.matches("[0-9A-Fa-f]{6}")) {
                throw new IllegalArgumentException("ICAO address must be six hex digits: " + hex);
            }
            return new IcaoAddress(Integer.parseInt(hex, 16));
        }

        @Override
        public String label() {
            return String.format("ICAO %06X", value);
        }

        @Override
        public Domain defaultDomain() {
            return Domain.AIR;
        }

        @Override
        public String toString() {
            return label();
        }
    }
}
