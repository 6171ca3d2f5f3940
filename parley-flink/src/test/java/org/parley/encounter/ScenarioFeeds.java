package org.parley.encounter;

import java.util.List;

/** The four incident scenarios of docs/scenarios.md (parley-encounter's test scripts), as CSV report lines. */
public final class ScenarioFeeds {
    private ScenarioFeeds() {}

    /** Chung-Hoon (ships), J-16, J-11 and J-8 (aircraft), each its transmitted reports, time-ordered. */
    public static List<List<String>> all() {
        return List.of(
                Scenarios.chungHoon().csv(),
                Scenarios.j16().csv(),
                Scenarios.j11().csv(),
                Scenarios.j8().csv());
    }
}
