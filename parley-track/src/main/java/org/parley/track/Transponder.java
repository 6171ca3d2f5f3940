package org.parley.track;

/**
 * The kind of station that sent a report; it sets the expected reporting interval and therefore
 * when a silent track goes stale (ITU-R M.1371-5 Annex 1 Tables 1 and 2).
 */
public enum Transponder {
    AIS_CLASS_A,
    /** Class B using SOTDMA. */
    AIS_CLASS_B_SO,
    /** Class B using CSTDMA. */
    AIS_CLASS_B_CS,
    /** AIS message 9, standard SAR aircraft position report. */
    AIS_SAR_AIRCRAFT,
    ADSB,
    /** Hand-made or replayed reports whose source interval is unknown; treated like Class A. */
    OTHER
}
