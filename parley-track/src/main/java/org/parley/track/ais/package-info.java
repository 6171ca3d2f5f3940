/** AIS decoder output to source-neutral position reports. */
@NullMarked
package org.parley.track.ais;

import org.jspecify.annotations.NullMarked;
