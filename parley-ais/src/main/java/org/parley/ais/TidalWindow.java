package org.parley.ais;

/** One window of a tidal-window message: position, time span, current direction and speed. */
public record TidalWindow(
        int rawLongitude,
        int rawLatitude,
        int fromHour,
        int fromMinute,
        int toHour,
        int toMinute,
        int currentDirectionDegrees,
        int rawCurrentSpeed) {}
