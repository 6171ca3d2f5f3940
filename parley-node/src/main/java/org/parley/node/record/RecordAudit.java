package org.parley.node.record;

import java.util.ArrayList;
import java.util.List;
import org.parley.ledger.AuditReport;

/**
 * What {@code parley ledger verify --config} reports of a node's store: the ledger audit (tree
 * recomputed from the stored leaves, every stored head checked), and every stored envelope, receipt
 * and acknowledgment checked against its signature and its leaf (issue 19, item 16).
 */
public record RecordAudit(AuditReport ledger, long rowsChecked, List<String> rowProblems) {
    public RecordAudit {
        if (rowsChecked < 0) {
            throw new IllegalArgumentException("rowsChecked must be >= 0: " + rowsChecked);
        }
        rowProblems = List.copyOf(rowProblems);
    }

    /** True when neither the ledger nor any stored row has a problem. */
    public boolean ok() {
        return ledger.ok() && rowProblems.isEmpty();
    }

    /** Every problem, ledger first, one sentence each. */
    public List<String> problems() {
        List<String> all = new ArrayList<>(ledger.problems());
        all.addAll(rowProblems);
        return List.copyOf(all);
    }
}
