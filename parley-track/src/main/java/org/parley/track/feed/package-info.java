/**
 * Live feed readers for the encounter watch: AIS NMEA, Beast and BaseStation over TCP (we connect,
 * reconnect with backoff, drop a silent connection), UDP datagrams (we listen), or a recorded file
 * replayed at a multiple of real time; each hands {@link org.parley.track.PositionReport}s to a sink.
 * {@link org.parley.track.feed.LiveFeed} is the entry point.
 */
@NullMarked
package org.parley.track.feed;

import org.jspecify.annotations.NullMarked;
