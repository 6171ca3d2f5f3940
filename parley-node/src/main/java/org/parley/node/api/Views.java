package org.parley.node.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.parley.federation.LinkStatus;
import org.parley.node.events.Alarm;
import org.parley.node.messages.MessageView;

/** The JSON shapes of messages, the link and alarms, as openapi.json documents them. */
final class Views {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Views() {}

    static ObjectNode messages(List<MessageView> views) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode items = out.putArray("messages");
        views.forEach(v -> items.add(message(v)));
        return out;
    }

    static ObjectNode message(MessageView v) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", v.id().toString());
        o.put("direction", v.direction().name());
        o.put("from", v.from().name());
        o.put("to", v.to().name());
        o.put("precedence", v.precedence().name());
        o.put("category", v.category().name());
        o.put("created", v.created().toString());
        o.put("text", v.text());
        o.put("status", v.status().name());
        v.receivedAt().ifPresent(t -> o.put("receivedAt", t.toString()));
        v.acknowledgedBy().ifPresent(r -> o.put("acknowledgedBy", r));
        v.acknowledgedAt().ifPresent(t -> o.put("acknowledgedAt", t.toString()));
        o.put("ackDeadline", v.ackDeadline().toString());
        v.responsibleRole().ifPresent(r -> o.put("responsibleRole", r));
        v.textZh().ifPresent(t -> o.put("textZh", t));
        if (v.emergency()) {
            o.put("emergency", true);
        }
        v.delivery().ifPresent(d -> {
            ObjectNode delivery = o.putObject("delivery");
            delivery.put("attempts", d.attempts());
            delivery.put("nextAttempt", d.nextAttempt().toString());
            d.lastError().ifPresent(e -> delivery.put("lastError", e));
        });
        return o;
    }

    static ObjectNode link(LinkStatus s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("alarm", s.alarm());
        o.put("consecutiveMisses", s.consecutiveMisses());
        o.put("sent", s.sent());
        o.put("answered", s.answered());
        s.lastRoundTrip().ifPresent(d -> o.put("lastRoundTripMillis", d.toNanos() / 1e6));
        s.peerClockOffset().ifPresent(d -> o.put("peerClockOffsetMillis", d.toNanos() / 1e6));
        s.lastAnsweredAt().ifPresent(t -> o.put("lastAnsweredAt", t.toString()));
        return o;
    }

    static ObjectNode alarms(List<Alarm> alarms, long raised) {
        ObjectNode out = JSON.createObjectNode();
        out.put("raised", raised);
        ArrayNode items = out.putArray("alarms");
        alarms.forEach(a -> items.add(alarm(a)));
        return out;
    }

    static ObjectNode alarm(Alarm a) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", a.id());
        o.put("at", a.at().toString());
        o.put("kind", a.kind().name());
        o.put("message", a.message());
        a.acknowledged().ifPresent(ack -> {
            o.put("acknowledgedBy", ack.operator());
            o.put("acknowledgedRole", ack.role());
            o.put("acknowledgedAt", ack.at().toString());
        });
        return o;
    }
}
