package org.parley.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.parley.wire.EnvelopeId;

/** Reads typed values out of path parameters and JSON bodies, refusing with a detail that says what to send. */
final class Fields {
    private Fields() {}

    static EnvelopeId id(String text) {
        try {
            return EnvelopeId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new Problem(
                    400,
                    "message id must be a lower-case UUID such as 01912345-6789-7abc-8def-0123456789ab: '" + text
                            + "'");
        }
    }

    static <E extends Enum<E>> E enumField(JsonNode body, String field, Class<E> type) {
        JsonNode value = body.path(field);
        if (!value.isTextual()) {
            throw new Problem(400, "'" + field + "' is required, one of " + Arrays.toString(type.getEnumConstants()));
        }
        return parseEnum(value.asText(), field, type);
    }

    static <E extends Enum<E>> E parseEnum(String text, String field, Class<E> type) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Problem(
                    400,
                    "'" + field + "' must be one of " + Arrays.toString(type.getEnumConstants()) + ", not '" + text
                            + "'");
        }
    }

    static String required(JsonNode body, String field) {
        String text = body.path(field).asText("");
        if (text.isBlank()) {
            throw new Problem(400, "'" + field + "' is required");
        }
        return text;
    }

    static Instant instant(JsonNode value, String field) {
        try {
            return Instant.parse(value.asText(""));
        } catch (DateTimeParseException e) {
            throw new Problem(
                    400,
                    "'" + field + "' must be an ISO-8601 UTC time such as 2026-12-01T09:00:00Z: '" + value.asText("")
                            + "'");
        }
    }

    static List<Instant> instants(JsonNode body, String field) {
        JsonNode values = body.path(field);
        if (!values.isArray() || values.isEmpty()) {
            throw new Problem(400, "'" + field + "' is required: a list of ISO-8601 UTC times");
        }
        List<Instant> times = new ArrayList<>();
        values.forEach(v -> times.add(instant(v, field)));
        return times;
    }
}
