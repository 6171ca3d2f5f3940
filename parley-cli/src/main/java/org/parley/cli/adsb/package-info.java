/** parley adsb decode: Mode S / ADS-B decoding of Beast and raw feeds. */
@NullMarked
package org.parley.cli.adsb;

import org.jspecify.annotations.NullMarked;
