package org.parley.ledger;

import java.util.List;

/**
 * The result of recomputing a node's own log from its store ({@link Ledger#audit}): the leaf count
 * and root found, how many stored heads were checked, and every problem, each in one sentence.
 */
public record AuditReport(long leafCount, MerkleHash rootHash, int headsChecked, List<String> problems) {
    public AuditReport {
        if (leafCount < 0) {
            throw new IllegalArgumentException("leafCount must be >= 0: " + leafCount);
        }
        if (headsChecked < 0) {
            throw new IllegalArgumentException("headsChecked must be >= 0: " + headsChecked);
        }
        problems = List.copyOf(problems);
    }

    /** True when no problem was found. */
    public boolean ok() {
        return problems.isEmpty();
    }
}
