package org.parley.store;

import java.util.List;
import org.parley.ledger.LeafStore;
import org.parley.ledger.LedgerException;
import org.parley.ledger.MerkleHash;

/** parley-ledger's leaf hashes in the {@code ledger_leaves} table; each append is its own commit. */
final class JdbcLeafStore implements LeafStore {
    private final Sql sql;

    JdbcLeafStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void append(long index, MerkleHash leafHash) {
        sql.tx("append ledger leaf " + index, c -> {
            long size = size(c);
            if (index != size) {
                // LeafStore contract: a second writer or a lost write must not fork the record.
                throw new LedgerException("leaf store: append at index " + index + " but the store holds " + size);
            }
            return Sql.update(
                    c, "INSERT INTO ledger_leaves (leaf_index, leaf_hash) VALUES (?, ?)", index, leafHash.toBytes());
        });
    }

    @Override
    public long size() {
        return sql.tx("count ledger leaves", JdbcLeafStore::size);
    }

    private static long size(java.sql.Connection c) throws java.sql.SQLException {
        return Sql.queryOne(c, row -> row.getLong(1), "SELECT COUNT(*) FROM ledger_leaves")
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
            return Sql.query(
                    c,
                    row -> MerkleHash.of(row.getBytes(1)),
                    "SELECT leaf_hash FROM ledger_leaves WHERE leaf_index >= ? AND leaf_index < ? ORDER BY leaf_index",
                    fromInclusive,
                    toExclusive);
        });
    }
}
