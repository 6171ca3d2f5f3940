package org.parley.ais;

/**
 * Position of the reference point for reported position (ITU-R M.1371-5 Annex 8 Fig. 42): distances
 * in metres to bow, stern, port and starboard; 0 means not available.
 */
public record ShipDimensions(int toBowMetres, int toSternMetres, int toPortMetres, int toStarboardMetres) {
    public ShipDimensions {
        Check.unsigned(toBowMetres, 9, "toBowMetres");
        Check.unsigned(toSternMetres, 9, "toSternMetres");
        Check.unsigned(toPortMetres, 6, "toPortMetres");
        Check.unsigned(toStarboardMetres, 6, "toStarboardMetres");
    }

    /** Overall length in metres, 0 when not available. */
    public int lengthMetres() {
        return toBowMetres + toSternMetres;
    }

    /** Overall beam in metres, 0 when not available. */
    public int beamMetres() {
        return toPortMetres + toStarboardMetres;
    }

    static ShipDimensions read(Bits bits, int start) {
        return new ShipDimensions(
                bits.unsigned(start, 9),
                bits.unsigned(start + 9, 9),
                bits.unsigned(start + 18, 6),
                bits.unsigned(start + 24, 6));
    }
}
