/**
 * Mode S / ADS-B decoding: {@link org.parley.adsb.AdsbDecoder} turns 56/112-bit replies into
 * {@link org.parley.adsb.ModeSMessage}s (or a {@link org.parley.adsb.AdsbResult.Rejected} with
 * its reason) and keeps an {@link org.parley.adsb.AircraftState} per ICAO address.
 *
 * <pre>{@code
 * AdsbDecoder decoder = AdsbDecoder.builder().clock(clock).build();
 * switch (decoder.decode(frame)) {
 *     case AdsbResult.Decoded d -> ...;   // d.message(): AirbornePosition with position(), ...
 *                                         // (made on first call; d.address(), d.hasPosition() need none)
 *     case AdsbResult.Rejected r -> ...;  // r.cause() for counting, r.reason() for people
 * }
 * decoder.aircraft(address).ifPresent(state -> state.position() ...);
 * }</pre>
 *
 * Feeds (AVR, Beast, SBS-1 text, TCP) are in {@code org.parley.adsb.feed}. Standards: ICAO Annex
 * 10 Vol IV (Mode S formats, parity), RTCA DO-260B (extended squitter, CPR), ICAO Doc 9871
 * (Comm-B registers).
 */
@NullMarked
package org.parley.adsb;

import org.jspecify.annotations.NullMarked;
