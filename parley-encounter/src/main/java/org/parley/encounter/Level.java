package org.parley.encounter;

/** How bad an encounter is; ordered, so a later constant is worse. */
public enum Level {
    WATCH,
    UNSAFE,
    /** Call the other party now: only between units of different parties. */
    HOTLINE
}
