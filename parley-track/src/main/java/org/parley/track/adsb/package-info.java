/** ADS-B decoder output to source-neutral position reports. */
@NullMarked
package org.parley.track.adsb;

import org.jspecify.annotations.NullMarked;
