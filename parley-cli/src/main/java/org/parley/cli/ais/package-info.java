/** parley ais decode: gpsd-compatible AIS decoding of files, stdin and network feeds. */
@NullMarked
package org.parley.cli.ais;

import org.jspecify.annotations.NullMarked;
