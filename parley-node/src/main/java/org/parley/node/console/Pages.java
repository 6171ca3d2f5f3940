package org.parley.node.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.dialogue.phrasebook.Phrase;
import org.parley.node.api.OperatorApi;
import org.parley.node.events.Alarm;
import org.parley.node.messages.MessageService;

/**
 * The console's views, each a URL an officer can hand to another: read through the operator API
 * in-process (so a page shows exactly what the API would answer this operator) and rendered by a
 * template.
 */
final class Pages {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The newest messages a list shows; older ones are in the API's pages. */
    static final int PAGE = 50;

    private final OperatorApi api;
    private final String party;
    private final Templates templates;
    private final IncidentPage incident;

    Pages(OperatorApi api, String party, Templates templates) {
        this.api = api;
        this.party = party;
        this.templates = templates;
        this.incident = new IncidentPage(api, this, templates);
    }

    /** The incident view, with an error above it when an action on it was refused. */
    String incident(Sessions.Session s, String id, String error) {
        return incident.render(s, id, error);
    }

    String page(Sessions.Session s, String path, Map<String, String> query) {
        return switch (path) {
            case "/console/inbox" -> messages(s, "inbox", Filter.of(query));
            case "/console/outbox" -> messages(s, "outbox", Filter.of(query));
            case "/console/inbox/rows" -> rows(s, "inbox", Filter.of(query));
            case "/console/outbox/rows" -> rows(s, "outbox", Filter.of(query));
            case "/console/compose" -> compose(s, "");
            case "/console/compose/params" -> params(s, query);
            case "/console/compose/slot" -> slot(s, query);
            case "/console/alarms" -> alarms(s, query);
            case "/console/link" -> render("link", chrome(s, "link"), "link", get(s, "/api/v1/link"));
            case "/console/dialogue" -> dialogue(s, "");
            case "/console/map" -> templates.render("map", Map.of("c", chrome(s, "map")));
            default -> {
                if (path.startsWith("/console/incidents/")) {
                    yield incident.render(s, path.substring("/console/incidents/".length()), "");
                }
                yield message(s, path);
            }
        };
    }

    private String messages(Sessions.Session s, String box, Filter filter) {
        return templates.render(
                "messages",
                Map.of(
                        "c",
                        chrome(s, box),
                        "rows",
                        list(s, box, filter),
                        "rowsUrl",
                        "/console/" + box + "/rows" + filter.query(),
                        "filter",
                        filter));
    }

    String rows(Sessions.Session s, String box, Filter filter) {
        return templates.render("rows", Map.of("c", chrome(s, box), "rows", list(s, box, filter)));
    }

    /**
     * The newest {@value #PAGE} messages the filter lets through; a filter looks at the newest
     * {@value Filter#SCANNED} (the API pages further back).
     */
    private List<Row> list(Sessions.Session s, String box, Filter filter) {
        List<Row> rows = new ArrayList<>();
        int limit = filter.any() ? Filter.SCANNED : PAGE;
        for (JsonNode m : get(s, "/api/v1/" + box + "?limit=" + limit).path("messages")) {
            Row row = new Row(m);
            if (rows.size() < PAGE && filter.admits(row)) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** The alarms, newest first, of a kind and only those not acknowledged if the URL says so. */
    private String alarms(Sessions.Session s, Map<String, String> query) {
        String kind = query.getOrDefault("kind", "");
        boolean unacknowledged = "1".equals(query.get("unacknowledged"));
        List<JsonNode> shown = new ArrayList<>();
        for (JsonNode a : get(s, "/api/v1/alarms").path("alarms")) {
            if ((kind.isEmpty() || kind.equals(a.path("kind").asText()))
                    && !(unacknowledged && a.has("acknowledgedBy"))) {
                shown.add(0, a);
            }
        }
        List<String> kinds = new ArrayList<>();
        for (Alarm.Kind k : Alarm.Kind.values()) {
            kinds.add(k.name());
        }
        String here = "/console/alarms"
                + (kind.isEmpty() && !unacknowledged
                        ? ""
                        : "?"
                                + (kind.isEmpty() ? "" : "kind=" + kind + (unacknowledged ? "&" : ""))
                                + (unacknowledged ? "unacknowledged=1" : ""));
        return templates.render(
                "alarms",
                Map.of(
                        "c", chrome(s, "alarms"),
                        "alarms", shown,
                        "kinds", kinds,
                        "kind", kind,
                        "unacknowledged", unacknowledged,
                        "here", here,
                        "mayAck", api.permits(s.caller, "POST", "/api/v1/alarms/1/ack")));
    }

    private String message(Sessions.Session s, String path) {
        String prefix = "/console/messages/";
        if (!path.startsWith(prefix) || path.length() == prefix.length() || path.indexOf('/', prefix.length()) >= 0) {
            throw new ConsoleHandler.Refusal(404, "no console page " + path);
        }
        Row row = new Row(get(s, "/api/v1/messages/" + path.substring(prefix.length())));
        return templates.render("message", Map.of("c", chrome(s, row.inbound() ? "inbox" : "outbox"), "m", row));
    }

    String compose(Sessions.Session s, String error) {
        return templates.render("compose", Map.of("c", chrome(s, "compose"), "groups", groups(), "error", error));
    }

    private static Map<String, List<Phrase>> groups() {
        Map<String, List<Phrase>> groups = new LinkedHashMap<>();
        for (Phrase phrase : MessageService.PHRASEBOOK.phrases()) {
            groups.computeIfAbsent(phrase.groupId(), g -> new ArrayList<>()).add(phrase);
        }
        return groups;
    }

    /** The typed inputs of the phrase chosen in a compose slot (slot 1 is {@code phrase}, n is {@code phrase.n}). */
    private String params(Sessions.Session s, Map<String, String> query) {
        int slot = Compose.slot(query.getOrDefault("slot", "1"));
        return templates.render(
                "params",
                Map.of(
                        "phrase",
                        MessageService.PHRASEBOOK.phrase(query.getOrDefault(Compose.phraseField(slot), "")),
                        "legend",
                        chrome(s, "compose").t("parameters"),
                        "slot",
                        slot));
    }

    /** One more phrase slot for a message of several phrases. */
    private String slot(Sessions.Session s, Map<String, String> query) {
        return templates.render(
                "slot",
                Map.of(
                        "c",
                        chrome(s, "compose"),
                        "groups",
                        groups(),
                        "slot",
                        Compose.slot(query.getOrDefault("n", ""))));
    }

    String dialogue(Sessions.Session s, String error) {
        boolean maySuspend = api.permits(s.caller, "POST", "/api/v1/channel-notices");
        boolean mayAnswer = api.permits(s.caller, "POST", "/api/v1/dialogue/requests/x/answer");
        JsonNode stats = get(s, "/api/v1/dialogue/stats?period=MONTH");
        return templates.render(
                "dialogue",
                Map.of(
                        "c",
                        chrome(s, "dialogue"),
                        "dialogue",
                        get(s, "/api/v1/dialogue"),
                        "notices",
                        get(s, "/api/v1/channel-notices"),
                        "stats",
                        stats,
                        "statsJson",
                        stats.path("rows").toString(),
                        "maySuspend",
                        maySuspend,
                        "mayAnswer",
                        mayAnswer,
                        "error",
                        error));
    }

    String preview(String english, String chinese, String problem) {
        return templates.render("preview", Map.of("english", english, "chinese", chinese, "problem", problem));
    }

    private String render(String template, Chrome c, String name, JsonNode value) {
        return templates.render(template, Map.of("c", c, name, value));
    }

    Chrome chrome(Sessions.Session s, String view) {
        return new Chrome(party, s.caller.name(), s.caller.role().name(), s.language, s.csrf, view);
    }

    /** A GET of the operator API as this operator; a refusal is shown with the API's own detail. */
    JsonNode get(Sessions.Session s, String pathAndQuery) {
        return json(api.call(s.caller, "GET", pathAndQuery, ""));
    }

    static JsonNode json(OperatorApi.Answer answer) {
        try {
            JsonNode body = JSON.readTree(answer.body());
            if (answer.status() >= 400) {
                throw new ConsoleHandler.Refusal(
                        answer.status(), body.path("detail").asText("refused"));
            }
            return body;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the operator API answered with invalid JSON", e);
        }
    }
}
