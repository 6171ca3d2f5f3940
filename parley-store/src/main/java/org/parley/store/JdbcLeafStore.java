package org.parley.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalLong;
import org.parley.ledger.LeafStore;
import org.parley.ledger.LedgerException;
import org.parley.ledger.MerkleHash;

/**
 * parley-ledger's leaf hashes in the {@code ledger_leaves} table. {@link #append} is one commit;
 * {@link #appendAll} puts a whole batch in one commit (one fsync), which is what makes durable
 * appends fast.
 */
final class JdbcLeafStore implements LeafStore {
    private static final String INSERT = "INSERT INTO ledger_leaves (leaf_index, leaf_hash) VALUES (?, ?)";

    private final Sql sql;

    JdbcLeafStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void append(long index, MerkleHash leafHash) {
        appendAll(index, List.of(leafHash));
    }

    @Override
    public void appendAll(long firstIndex, List<MerkleHash> leafHashes) {
        if (leafHashes.isEmpty()) {
            return;
        }
        sql.tx("append ledger leaves from " + firstIndex, c -> {
            long size = size(c);
            if (firstIndex != size) {
                // LeafStore contract: a second writer or a lost write must not fork the record.
                throw new LedgerException("leaf store: append at index " + firstIndex + " but the store holds " + size);
            }
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                long index = firstIndex;
                for (MerkleHash leafHash : leafHashes) {
                    insert.setLong(1, index++);
                    insert.setBytes(2, leafHash.toBytes());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return leafHashes.size();
        });
    }

    @Override
    public long size() {
        return sql.tx("count ledger leaves", JdbcLeafStore::size);
    }

    /**
     * The next index: one more than the highest stored. An index lookup (O(log n)), where COUNT(*)
     * reads every row on both engines and made each append slower as the log grew.
     */
    private static long size(Connection c) throws SQLException {
        return Sql.queryOne(c, row -> row.getLong(1), "SELECT COALESCE(MAX(leaf_index) + 1, 0) FROM ledger_leaves")
                .orElse(0L);
    }

    @Override
    public List<MerkleHash> read(long fromInclusive, long toExclusive) {
        return sql.tx("read ledger leaves", c -> {
            long size = size(c);
            if (fromInclusive < 0 || toExclusive < fromInclusive || toExclusive > size) {
                throw new LedgerException(
                        "leaf store: cannot read leaves [" + fromInclusive + ", " + toExclusive + ") of " + size);
            }
            List<MerkleHash> hashes = Sql.query(
                    c,
                    row -> MerkleHash.of(row.getBytes(1)),
                    "SELECT leaf_hash FROM ledger_leaves WHERE leaf_index >= ? AND leaf_index < ? ORDER BY leaf_index",
                    fromInclusive,
                    toExclusive);
            if (hashes.size() != toExclusive - fromInclusive) {
                // Rows deleted behind the node's back: say so rather than hand back a shifted log.
                throw new LedgerException("leaf store: leaves missing in [" + fromInclusive + ", " + toExclusive
                        + "): found " + hashes.size() + " rows; the log was altered outside Parley");
            }
            return hashes;
        });
    }

    @Override
    public OptionalLong indexOf(MerkleHash leafHash) {
        return sql.tx(
                "find a ledger leaf",
                c -> Sql.queryOne(
                                c,
                                row -> row.getLong(1),
                                "SELECT leaf_index FROM ledger_leaves WHERE leaf_hash = ? ORDER BY leaf_index LIMIT 1",
                                leafHash.toBytes())
                        .map(OptionalLong::of)
                        .orElse(OptionalLong.empty()));
    }
}
