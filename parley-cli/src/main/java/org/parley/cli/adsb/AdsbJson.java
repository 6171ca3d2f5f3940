package org.parley.cli.adsb;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.parley.adsb.AdsbResult;
import org.parley.adsb.IcaoAddress;
import org.parley.adsb.ModeSFrame;
import org.parley.adsb.feed.FeedRecord;

/**
 * JSON lines for {@code parley adsb decode}: every record component becomes a field named as in
 * the Java API (so units stay in the names); empty optionals are left out.
 */
final class AdsbJson {
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            RecordComponent[] c = type.getRecordComponents();
            for (RecordComponent rc : c) {
                rc.getAccessor().setAccessible(true);
            }
            return c;
        }
    };

    private AdsbJson() {}

    static String decoded(AdsbResult.Decoded d) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("{\"receivedAt\":\"").append(d.receivedAt()).append('"');
        sb.append(",\"frame\":\"").append(d.frame().hex()).append('"');
        sb.append(",\"addressCheck\":\"").append(d.addressCheck()).append('"');
        sb.append(",\"kind\":\"").append(d.message().getClass().getSimpleName()).append('"');
        if (d.message() instanceof Record r) {
            fields(sb, r);
        }
        return sb.append('}').toString();
    }

    static String rejected(String reason) {
        StringBuilder sb = new StringBuilder("{\"rejected\":");
        string(sb, reason);
        return sb.append('}').toString();
    }

    static String state(org.parley.adsb.AircraftState state) {
        StringBuilder sb = new StringBuilder("{\"kind\":\"AircraftState\"");
        fields(sb, state);
        return sb.append('}').toString();
    }

    static String record(FeedRecord.BaseStationReport r) {
        StringBuilder sb = new StringBuilder("{\"kind\":\"BaseStationReport\"");
        fields(sb, r);
        return sb.append('}').toString();
    }

    private static void fields(StringBuilder sb, Record r) {
        for (RecordComponent c : COMPONENTS.get(r.getClass())) {
            Object v = get(c, r);
            if (isEmpty(v)) {
                continue;
            }
            sb.append(",\"").append(c.getName()).append("\":");
            value(sb, v);
        }
    }

    private static Object get(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass(), e);
        }
    }

    private static boolean isEmpty(Object v) {
        return (v instanceof Optional<?> o && o.isEmpty())
                || (v instanceof OptionalInt oi && oi.isEmpty())
                || (v instanceof OptionalDouble od && od.isEmpty())
                || (v instanceof OptionalLong ol && ol.isEmpty());
    }

    private static void value(StringBuilder sb, Object v) {
        switch (v) {
            case Optional<?> o -> value(sb, o.orElseThrow());
            case OptionalInt o -> sb.append(o.getAsInt());
            case OptionalLong o -> sb.append(o.getAsLong());
            case OptionalDouble o -> number(sb, o.getAsDouble());
            case Double d -> number(sb, d);
            case Number n -> sb.append(n);
            case Boolean b -> sb.append(b);
            case IcaoAddress a -> string(sb, a.hex());
            case ModeSFrame f -> string(sb, f.hex());
            case Enum<?> e -> string(sb, e.name());
            case Collection<?> list -> {
                sb.append('[');
                boolean first = true;
                for (Object item : list) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    value(sb, item);
                }
                sb.append(']');
            }
            case Record r -> {
                sb.append("{\"kind\":\"").append(r.getClass().getSimpleName()).append('"');
                fields(sb, r);
                sb.append('}');
            }
            default -> string(sb, v.toString());
        }
    }

    private static void number(StringBuilder sb, double d) {
        if (Double.isFinite(d)) {
            sb.append(d);
        } else {
            sb.append("null");
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }
}
