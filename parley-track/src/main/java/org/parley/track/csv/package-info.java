/**
 * A plain CSV form of position reports, for hand-made scenarios and replays when no decoder is at
 * hand. One report per line; see {@link org.parley.track.csv.ReportCsv}.
 */
@NullMarked
package org.parley.track.csv;

import org.jspecify.annotations.NullMarked;
