package org.parley.track;

/** Where a target moves; rules differ between ships and aircraft. */
public enum Domain {
    SEA,
    AIR
}
