/** Mode S / ADS-B decoding and receiver feed readers. */
@NullMarked
package org.parley.adsb;

import org.jspecify.annotations.NullMarked;
