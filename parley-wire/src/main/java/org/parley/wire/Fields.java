package org.parley.wire;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads the members of one JSON object strictly: each member must have the expected JSON type, and
 * {@link #finish()} refuses members nobody asked for. Failures are IllegalArgumentExceptions whose
 * message names the member.
 */
final class Fields {
    /** RFC 3339 UTC with exactly three fraction digits, so an instant has one spelling. */
    static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final String where;
    private final Map<String, Json> members;
    private final Set<String> read = new HashSet<>();

    Fields(String where, Json value) {
        if (!(value instanceof Json.Obj obj)) {
            throw new IllegalArgumentException(where + " must be a JSON object");
        }
        this.where = where;
        this.members = obj.members();
    }

    private Json required(String name) {
        read.add(name);
        Json value = members.get(name);
        if (value == null) {
            throw new IllegalArgumentException(where + " lacks member '" + name + "'");
        }
        return value;
    }

    String string(String name) {
        if (required(name) instanceof Json.Str str) {
            return str.value();
        }
        throw new IllegalArgumentException(where + "." + name + " must be a string");
    }

    Optional<String> optionalString(String name) {
        return members.containsKey(name) ? Optional.of(string(name)) : Optional.empty();
    }

    int integer(String name) {
        if (required(name) instanceof Json.Num num
                && num.value() == Math.rint(num.value())
                && Math.abs(num.value()) < Integer.MAX_VALUE) {
            return (int) num.value();
        }
        throw new IllegalArgumentException(where + "." + name + " must be an integer");
    }

    Instant instant(String name) {
        String text = string(name);
        try {
            return Instant.from(INSTANT.parse(text));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    where + "." + name + " must be a UTC instant like 2026-01-31T08:15:00.000Z: '" + text + "'", e);
        }
    }

    Optional<Instant> optionalInstant(String name) {
        return members.containsKey(name) ? Optional.of(instant(name)) : Optional.empty();
    }

    EnvelopeId id(String name) {
        return EnvelopeId.parse(string(name));
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        String text = string(name);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(
                where + "." + name + " is not a known " + type.getSimpleName() + ": '" + text + "'");
    }

    List<String> strings(String name) {
        if (!(required(name) instanceof Json.Arr arr)) {
            throw new IllegalArgumentException(where + "." + name + " must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (Json element : arr.elements()) {
            if (!(element instanceof Json.Str str)) {
                throw new IllegalArgumentException(where + "." + name + " must contain only strings");
            }
            values.add(str.value());
        }
        return values;
    }

    SortedMap<String, String> stringMap(String name) {
        if (!(required(name) instanceof Json.Obj obj)) {
            throw new IllegalArgumentException(where + "." + name + " must be an object of strings");
        }
        SortedMap<String, String> values = new TreeMap<>();
        obj.members().forEach((key, value) -> {
            if (!(value instanceof Json.Str str)) {
                throw new IllegalArgumentException(where + "." + name + "." + key + " must be a string");
            }
            values.put(key, str.value());
        });
        return values;
    }

    Json raw(String name) {
        return required(name);
    }

    /** Refuses members that the reader did not ask for: a signed message has no ignorable parts. */
    void finish() {
        for (String name : members.keySet()) {
            if (!read.contains(name)) {
                throw new IllegalArgumentException(where + " has unknown member '" + name + "'");
            }
        }
    }
}
