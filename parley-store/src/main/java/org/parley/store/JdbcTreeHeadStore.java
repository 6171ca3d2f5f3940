package org.parley.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.parley.ledger.CountersignedTreeHead;
import org.parley.ledger.MerkleHash;
import org.parley.ledger.SignatureBytes;
import org.parley.ledger.SignedTreeHead;
import org.parley.ledger.TreeHead;
import org.parley.ledger.TreeHeadStore;

/**
 * parley-ledger's tree heads in the {@code ledger_heads} table, each save its own commit. Durable
 * heads are what let a restarted node go on cross-checking from where it was: the peer head it
 * countersigned last is the baseline the peer's next consistency proof must extend.
 */
final class JdbcTreeHeadStore implements TreeHeadStore {
    private static final String COLUMNS = "tree_size, root_hash, timestamp_millis, signature, countersignature";

    /** The {@code kind} column. */
    private enum Kind {
        OWN,
        OWN_COUNTERSIGNED,
        PEER
    }

    private static final byte[] NO_BYTES = new byte[0];

    private final Sql sql;

    JdbcTreeHeadStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void saveOwnHead(SignedTreeHead head) {
        insert(Kind.OWN, head, Optional.empty());
    }

    @Override
    public List<SignedTreeHead> ownHeads() {
        return sql.tx("read own tree heads", c -> select(c, Kind.OWN, "ORDER BY seq", JdbcTreeHeadStore::signedHead));
    }

    @Override
    public void saveOwnCountersigned(CountersignedTreeHead head) {
        insert(Kind.OWN_COUNTERSIGNED, head.signedHead(), Optional.of(head.countersignature()));
    }

    @Override
    public List<CountersignedTreeHead> ownCountersigned() {
        return sql.tx(
                "read countersigned own tree heads",
                c -> select(c, Kind.OWN_COUNTERSIGNED, "ORDER BY seq", JdbcTreeHeadStore::countersigned));
    }

    @Override
    public void savePeerHead(CountersignedTreeHead head) {
        insert(Kind.PEER, head.signedHead(), Optional.of(head.countersignature()));
    }

    @Override
    public Optional<CountersignedTreeHead> latestPeerHead() {
        return sql.tx(
                "read the latest peer tree head",
                c -> select(c, Kind.PEER, "ORDER BY seq DESC LIMIT 1", JdbcTreeHeadStore::countersigned).stream()
                        .findFirst());
    }

    private void insert(Kind kind, SignedTreeHead head, Optional<SignatureBytes> countersignature) {
        sql.tx(
                "save " + kind + " tree head of size " + head.treeSize(),
                c -> Sql.update(
                        c,
                        "INSERT INTO ledger_heads (kind, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
                        kind.name(),
                        head.treeSize(),
                        head.rootHash().toBytes(),
                        head.head().timestamp().toEpochMilli(),
                        head.signature().toBytes(),
                        // An OWN head has no countersignature: an empty value, never read back.
                        countersignature.map(SignatureBytes::toBytes).orElse(NO_BYTES)));
    }

    private static <T> List<T> select(Connection c, Kind kind, String order, Sql.Row<T> mapper) throws SQLException {
        return Sql.query(c, mapper, "SELECT " + COLUMNS + " FROM ledger_heads WHERE kind = ? " + order, kind.name());
    }

    private static SignedTreeHead signedHead(ResultSet row) throws SQLException {
        TreeHead head =
                new TreeHead(row.getLong(1), MerkleHash.of(row.getBytes(2)), Instant.ofEpochMilli(row.getLong(3)));
        return new SignedTreeHead(head, SignatureBytes.of(row.getBytes(4)));
    }

    private static CountersignedTreeHead countersigned(ResultSet row) throws SQLException {
        return new CountersignedTreeHead(signedHead(row), SignatureBytes.of(row.getBytes(5)));
    }
}
