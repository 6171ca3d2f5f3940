/** Encoding of AIS messages into NMEA 0183 {@code !AIVDM} sentences, for synthesized traffic. */
@NullMarked
package org.parley.ais.encode;

import org.jspecify.annotations.NullMarked;
