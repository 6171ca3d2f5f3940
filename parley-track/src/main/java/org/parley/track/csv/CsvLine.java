package org.parley.track.csv;

import org.parley.track.PositionReport;

/** What one CSV line turned out to be. */
public sealed interface CsvLine {

    /** A well-formed report. */
    record Report(PositionReport report) implements CsvLine {}

    /** A comment, blank line or the header. */
    record Skipped() implements CsvLine {}

    /** A line that could not be used, with the reason and the 1-based line number. */
    record Rejected(long lineNumber, String reason) implements CsvLine {}
}
