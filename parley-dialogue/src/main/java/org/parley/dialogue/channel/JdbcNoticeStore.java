package org.parley.dialogue.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.parley.wire.Category;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Party;
import org.parley.wire.Payload;

/**
 * Notices in the {@code channel_notice} table, created by the dialogue module's migrations (own
 * Flyway history table, beside parley-store's).
 */
final class JdbcNoticeStore implements NoticeStore {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final DataSource dataSource;

    private JdbcNoticeStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    static JdbcNoticeStore open(DataSource dataSource) {
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:org/parley/dialogue/migration")
                    .table("flyway_dialogue_history")
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw new IllegalStateException("channel notices: cannot migrate the tables: " + e.getMessage(), e);
        }
        return new JdbcNoticeStore(dataSource);
    }

    @Override
    public void append(ChannelNotice notice) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO channel_notice (seq, notice_id, body)"
                        + " SELECT COALESCE(MAX(seq), 0) + 1, ?, ? FROM channel_notice")) {
            insert.setString(1, notice.id().toString());
            insert.setString(2, write(notice));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "channel notices: cannot store notice " + notice.id() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<ChannelNotice> all() {
        List<ChannelNotice> notices = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT body FROM channel_notice ORDER BY seq");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                notices.add(read(rows.getString(1)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("channel notices: cannot read: " + e.getMessage(), e);
        }
        return notices;
    }

    private static String write(ChannelNotice notice) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", notice.id().toString());
        node.put("from", notice.from().name());
        node.put("action", notice.action().name());
        notice.sortedCategories().forEach(c -> node.withArray("categories").add(c.name()));
        node.put("reason", notice.reason());
        node.put("effectiveAt", notice.effectiveAt().toString());
        node.put("issuedAt", notice.issuedAt().toString());
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a notice as JSON", e);
        }
    }

    private static ChannelNotice read(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            Set<Category> categories = EnumSet.noneOf(Category.class);
            node.path("categories").forEach(c -> categories.add(Category.valueOf(c.asText())));
            return new ChannelNotice(
                    EnvelopeId.parse(node.path("id").asText()),
                    Party.of(node.path("from").asText()),
                    Payload.ChannelNotice.Action.valueOf(node.path("action").asText()),
                    categories,
                    node.path("reason").asText(),
                    Instant.parse(node.path("effectiveAt").asText()),
                    Instant.parse(node.path("issuedAt").asText()));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalStateException("corrupt channel notice row: " + json, e);
        }
    }
}
