package org.parley.wire;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A parsed JSON value in the I-JSON data model of RFC 8785 section 3.1: numbers are IEEE 754 doubles,
 * strings are well-formed UTF-16, object member names are unique.
 */
sealed interface Json {
    record Obj(SortedMap<String, Json> members) implements Json {
        public Obj {
            // TreeMap's natural String order is UTF-16 code-unit order, the sort of RFC 8785 3.2.3.
            members = new TreeMap<>(members);
        }
    }

    record Arr(List<Json> elements) implements Json {
        public Arr {
            elements = List.copyOf(elements);
        }
    }

    record Str(String value) implements Json {}

    record Num(double value) implements Json {
        public Num {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("NaN and Infinity are not JSON numbers (RFC 8785 3.2.2.3)");
            }
        }
    }

    record Bool(boolean value) implements Json {}

    enum Null implements Json {
        INSTANCE
    }
}
