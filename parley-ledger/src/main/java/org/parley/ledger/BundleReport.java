package org.parley.ledger;

import java.util.List;

/** The outcome of checking a {@link ProofBundle}: every check, in order, passed or not and why. */
public record BundleReport(List<Check> checks) {
    public BundleReport {
        if (checks.isEmpty()) {
            throw new IllegalArgumentException("a bundle report has at least one check");
        }
        checks = List.copyOf(checks);
    }

    /** One check: a short name, whether it passed, and what was found. */
    public record Check(String name, boolean passed, String detail) {}

    /** True when every check passed. */
    public boolean ok() {
        return checks.stream().allMatch(Check::passed);
    }

    /** The checks that failed. */
    public List<Check> failures() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }
}
