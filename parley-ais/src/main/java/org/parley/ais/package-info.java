/** AIS NMEA 0183 decoding (ITU-R M.1371-5) and feed readers. */
@NullMarked
package org.parley.ais;

import org.jspecify.annotations.NullMarked;
