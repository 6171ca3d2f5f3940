package org.parley.cli.faults;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

/** Which fault scenarios this run selected: {@code -Dparley.faults.scenarios=a,b} or {@code all} (-Pfaults). */
final class Scenarios {
    private static final String SELECTED = System.getProperty("parley.faults.scenarios", "partition");

    private Scenarios() {}

    /** Skips the calling test unless {@code scenario} was selected. */
    static void assumeSelected(String scenario) {
        boolean on = SELECTED.equals("all") || List.of(SELECTED.split(",")).contains(scenario);
        assumeTrue(on, () -> scenario + " runs with -Pfaults (parley.faults.scenarios=" + SELECTED + ")");
    }
}
