package org.parley.wire;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Payload records to and from their JSON objects; the member names are the wire contract. */
final class PayloadCodec {
    private PayloadCodec() {}

    static Json encode(Payload payload) {
        Map<String, Json> m = new TreeMap<>();
        m.put("type", str(payload.type()));
        switch (payload) {
            case Payload.Text p -> m.put("text", str(p.text()));
            case Payload.SafetyNotice p -> {
                m.put("phraseCodes", strings(p.phraseCodes()));
                m.put("parameters", stringMap(p.parameters()));
                m.put("freeText", str(p.freeText()));
            }
            case Payload.LinkTest p -> {
                m.put("nonce", str(p.nonce()));
                m.put("sentAt", instant(p.sentAt()));
                p.treeHeadJson().ifPresent(json -> m.put("treeHead", str(json)));
            }
            case Payload.Receipt p -> {
                m.put("envelopeId", str(p.envelopeId().toString()));
                m.put("storedAt", instant(p.storedAt()));
                m.put("sha256", str(p.sha256Hex()));
            }
            case Payload.Ack p -> {
                m.put("envelopeId", str(p.envelopeId().toString()));
                m.put("role", str(p.role()));
                m.put("acknowledgedAt", instant(p.acknowledgedAt()));
            }
            case Payload.DialogueRequest p -> {
                m.put("topicCode", str(p.topicCode()));
                m.put("text", str(p.text()));
                m.put("fields", stringMap(p.fields()));
            }
            case Payload.DialogueAnswer p -> {
                m.put("requestId", str(p.requestId().toString()));
                m.put("answerCode", str(p.answerCode()));
                m.put("text", str(p.text()));
                m.put("fields", stringMap(p.fields()));
            }
            case Payload.ChannelNotice p -> {
                m.put("action", str(p.action().name()));
                m.put(
                        "categories",
                        strings(EnumSet.copyOf(p.categories()).stream()
                                .map(Enum::name)
                                .toList()));
                m.put("reason", str(p.reason()));
                p.effectiveAt().ifPresent(at -> m.put("effectiveAt", instant(at)));
            }
        }
        return new Json.Obj(new TreeMap<>(m));
    }

    static Payload decode(Json json) {
        Fields f = new Fields("payload", json);
        String type = f.string("type");
        Payload payload = switch (type) {
            case "text" -> new Payload.Text(f.string("text"));
            case "safety-notice" ->
                new Payload.SafetyNotice(f.strings("phraseCodes"), f.stringMap("parameters"), f.string("freeText"));
            case "link-test" ->
                new Payload.LinkTest(f.string("nonce"), f.instant("sentAt"), f.optionalString("treeHead"));
            case "receipt" -> new Payload.Receipt(f.id("envelopeId"), f.instant("storedAt"), f.string("sha256"));
            case "ack" -> new Payload.Ack(f.id("envelopeId"), f.string("role"), f.instant("acknowledgedAt"));
            case "dialogue-request" ->
                new Payload.DialogueRequest(f.string("topicCode"), f.string("text"), f.stringMap("fields"));
            case "dialogue-answer" ->
                new Payload.DialogueAnswer(
                        f.id("requestId"), f.string("answerCode"), f.string("text"), f.stringMap("fields"));
            case "channel-notice" ->
                new Payload.ChannelNotice(
                        f.enumValue("action", Payload.ChannelNotice.Action.class),
                        categories(f.strings("categories")),
                        f.string("reason"),
                        f.optionalInstant("effectiveAt"));
            default -> throw new IllegalArgumentException("payload.type '" + type + "' is not known to this build");
        };
        f.finish();
        return payload;
    }

    private static Set<Category> categories(List<String> names) {
        EnumSet<Category> categories = EnumSet.noneOf(Category.class);
        for (String name : names) {
            Category category;
            try {
                category = Category.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("payload.categories has unknown category '" + name + "'", e);
            }
            if (!categories.add(category)) {
                throw new IllegalArgumentException("payload.categories repeats " + name);
            }
        }
        return categories;
    }

    static Json str(String value) {
        return new Json.Str(value);
    }

    static Json instant(java.time.Instant value) {
        return new Json.Str(Fields.INSTANT.format(value));
    }

    static Json strings(List<String> values) {
        List<Json> elements = new ArrayList<>(values.size());
        values.forEach(v -> elements.add(new Json.Str(v)));
        return new Json.Arr(elements);
    }

    static Json stringMap(Map<String, String> values) {
        TreeMap<String, Json> members = new TreeMap<>();
        values.forEach((k, v) -> members.put(k, new Json.Str(v)));
        return new Json.Obj(members);
    }
}
