package org.parley.ais.gpsd;

import static org.parley.ais.gpsd.Json.fixed;
import static org.parley.ais.gpsd.Json.num;
import static org.parley.ais.gpsd.Json.str;

import org.parley.ais.ClearanceTimeData;
import org.parley.ais.DangerousCargoData;
import org.parley.ais.TextDescriptionData;
import org.parley.ais.TidalWindow;
import org.parley.ais.TidalWindowData;

/** gpsd's members for the IMO SN.1/Circ.236/289 addressed applications (message 6, DAC 1). */
final class ImoJson {
    private static final double THOUSANDTH_MINUTE = 60_000.0;

    private ImoJson() {}

    static void dangerousCargo(JsonBytes sb, DangerousCargoData m) {
        str(sb, ",\"lastport\":", m.lastPort());
        date(sb, ",\"departure\":", m.departureMonth(), m.departureDay(), m.departureHour(), m.departureMinute());
        str(sb, ",\"nextport\":", m.nextPort());
        date(sb, ",\"eta\":", m.etaMonth(), m.etaDay(), m.etaHour(), m.etaMinute());
        str(sb, ",\"dangerous\":", m.dangerousGoods());
        str(sb, ",\"imdcat\":", m.imdCategory());
        num(sb, ",\"unid\":", m.unNumber());
        num(sb, ",\"amount\":", m.amount());
        num(sb, ",\"unit\":", m.unit());
    }

    static void tidalWindow(JsonBytes sb, TidalWindowData m) {
        num(sb, ",\"month\":", m.month());
        num(sb, ",\"day\":", m.day());
        Json.name(sb, ",\"tidals\":");
        sb.append('[');
        for (int i = 0; i < m.windows().size(); i++) {
            TidalWindow w = m.windows().get(i);
            sb.append(i == 0 ? "{" : ",{");
            // gpsd divides both layouts by 60000 (its 1/1000-minute divisor), also for FI 14.
            sb.ascii("\"lon\":");
            Json.appendFixed(sb, w.rawLongitude() / THOUSANDTH_MINUTE, 6);
            fixed(sb, ",\"lat\":", w.rawLatitude() / THOUSANDTH_MINUTE, 6);
            num(sb, ",\"from_hour\":", w.fromHour());
            num(sb, ",\"from_min\":", w.fromMinute());
            num(sb, ",\"to_hour\":", w.toHour());
            num(sb, ",\"to_min\":", w.toMinute());
            num(sb, ",\"cdir\":", w.currentDirectionDegrees());
            fixed(sb, ",\"cspeed\":", w.rawCurrentSpeed() / 10.0, 1);
            sb.append('}');
        }
        sb.append(']');
    }

    static void clearance(JsonBytes sb, ClearanceTimeData m) {
        num(sb, ",\"linkage\":", m.linkage());
        date(sb, ",\"arrival\":", m.month(), m.day(), m.hour(), m.minute());
        str(sb, ",\"portname\":", m.portName());
        str(sb, ",\"destination\":", m.destination());
        fixed(sb, ",\"lon\":", m.rawLongitude() / THOUSANDTH_MINUTE, 6);
        fixed(sb, ",\"lat\":", m.rawLatitude() / THOUSANDTH_MINUTE, 6);
    }

    static void text(JsonBytes sb, TextDescriptionData m) {
        num(sb, ",\"linkage\":", m.linkage());
        str(sb, ",\"text\":", m.text());
    }

    private static void date(JsonBytes sb, String name, int month, int day, int hour, int minute) {
        Json.name(sb, name);
        sb.append('"');
        Json.two(sb, month);
        sb.append('-');
        Json.two(sb, day);
        sb.append('T');
        Json.two(sb, hour);
        sb.append(':');
        Json.two(sb, minute);
        sb.ascii("Z\"");
    }
}
