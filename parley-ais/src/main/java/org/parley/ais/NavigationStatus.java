package org.parley.ais;

/** Navigational status, ITU-R M.1371-5 Annex 8 Table 45 (message 1 parameter "navigational status"). */
public enum NavigationStatus {
    UNDER_WAY_USING_ENGINE,
    AT_ANCHOR,
    NOT_UNDER_COMMAND,
    RESTRICTED_MANOEUVRABILITY,
    CONSTRAINED_BY_DRAUGHT,
    MOORED,
    AGROUND,
    ENGAGED_IN_FISHING,
    UNDER_WAY_SAILING,
    RESERVED_HSC,
    RESERVED_WIG,
    POWER_DRIVEN_TOWING_ASTERN,
    POWER_DRIVEN_PUSHING_OR_TOWING_ALONGSIDE,
    RESERVED_13,
    AIS_SART_ACTIVE,
    NOT_DEFINED;

    private static final NavigationStatus[] BY_CODE = values();

    /** The status for a 4-bit code. */
    public static NavigationStatus ofCode(int code) {
        if (code < 0 || code > 15) {
            throw new IllegalArgumentException("navigation status code must be 0..15: " + code);
        }
        return BY_CODE[code];
    }

    /** The 4-bit code; the constants are declared in Table 45's code order. */
    @SuppressWarnings("EnumOrdinal")
    public int code() {
        return ordinal();
    }
}
