/** Receiver feeds: AVR raw hex, Beast binary and SBS-1 BaseStation text, from files, stdin or TCP. */
@NullMarked
package org.parley.adsb.feed;

import org.jspecify.annotations.NullMarked;
