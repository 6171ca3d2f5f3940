/**
 * Output of decoded AIS messages as JSON with the field names and scaling of gpsd's {@code
 * gpsdecode -j}, so that results can be compared line by line with that peer decoder.
 */
@NullMarked
package org.parley.ais.gpsd;

import org.jspecify.annotations.NullMarked;
