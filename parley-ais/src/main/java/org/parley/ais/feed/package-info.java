/** Feed readers: AIS NMEA lines from a file (plain or gzip), stdin, a TCP server or UDP datagrams. */
@NullMarked
package org.parley.ais.feed;

import org.jspecify.annotations.NullMarked;
