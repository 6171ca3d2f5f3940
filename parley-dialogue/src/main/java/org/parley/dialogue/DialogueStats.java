package org.parley.dialogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/**
 * Statistics of the dialogue ledger: one row per period and level that had requests, one row per
 * period over all levels, and the total.
 *
 * @param period how requests are grouped
 * @param rows rows in period order, levels in {@link Level} order, the all-levels row last in each period
 * @param total all requests over all periods and levels
 */
public record DialogueStats(Period period, List<StatsRow> rows, StatsRow total) {
    private static final String CSV_HEADER =
            "period,level,sent,accepted,declined,countered,unanswered,pending,median_seconds_to_answer";

    public DialogueStats {
        rows = List.copyOf(rows);
    }

    /** RFC 4180 CSV with a header line; CRLF line ends; level {@code ALL} for all-levels rows. */
    public String toCsv() {
        StringBuilder csv = new StringBuilder(CSV_HEADER).append("\r\n");
        for (StatsRow row : rows) {
            csv.append(csvLine(row)).append("\r\n");
        }
        csv.append(csvLine(total)).append("\r\n");
        return csv.toString();
    }

    /** A JSON document: {@code {"period": ..., "rows": [...], "total": {...}}}, median in seconds or null. */
    public String toJson() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("period", period.name());
        ArrayNode array = root.putArray("rows");
        rows.forEach(row -> json(array.addObject(), row));
        json(root.putObject("total"), total);
        try {
            return mapper.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("cannot write statistics as JSON", e);
        }
    }

    private static String csvLine(StatsRow row) {
        return String.join(
                ",",
                row.period(),
                row.level().map(Level::name).orElse("ALL"),
                Integer.toString(row.sent()),
                Integer.toString(row.accepted()),
                Integer.toString(row.declined()),
                Integer.toString(row.countered()),
                Integer.toString(row.unanswered()),
                Integer.toString(row.pending()),
                row.medianTimeToAnswer().map(d -> Long.toString(d.toSeconds())).orElse(""));
    }

    private static void json(ObjectNode node, StatsRow row) {
        node.put("period", row.period());
        node.put("level", row.level().map(Level::name).orElse("ALL"));
        node.put("sent", row.sent());
        node.put("accepted", row.accepted());
        node.put("declined", row.declined());
        node.put("countered", row.countered());
        node.put("unanswered", row.unanswered());
        node.put("pending", row.pending());
        row.medianTimeToAnswer()
                .map(Duration::toSeconds)
                .ifPresentOrElse(
                        s -> node.put("medianSecondsToAnswer", s), () -> node.putNull("medianSecondsToAnswer"));
    }
}
