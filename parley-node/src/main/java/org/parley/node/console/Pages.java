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

    Pages(OperatorApi api, String party, Templates templates) {
        this.api = api;
        this.party = party;
        this.templates = templates;
    }

    String page(Sessions.Session s, String path, Map<String, String> query) {
        return switch (path) {
            case "/console/inbox" -> messages(s, "inbox");
            case "/console/outbox" -> messages(s, "outbox");
            case "/console/inbox/rows" -> rows(s, "inbox");
            case "/console/outbox/rows" -> rows(s, "outbox");
            case "/console/compose" -> compose(s, "");
            case "/console/compose/params" -> params(s, query.getOrDefault("phrase", ""));
            case "/console/alarms" ->
                render(
                        "alarms",
                        chrome(s, "alarms"),
                        "alarms",
                        get(s, "/api/v1/alarms").path("alarms"));
            case "/console/link" -> render("link", chrome(s, "link"), "link", get(s, "/api/v1/link"));
            case "/console/dialogue" -> dialogue(s, "");
            case "/console/map" -> templates.render("map", Map.of("c", chrome(s, "map")));
            default -> message(s, path);
        };
    }

    private String messages(Sessions.Session s, String box) {
        return templates.render(
                "messages", Map.of("c", chrome(s, box), "rows", list(s, box), "rowsUrl", "/console/" + box + "/rows"));
    }

    String rows(Sessions.Session s, String box) {
        return templates.render("rows", Map.of("c", chrome(s, box), "rows", list(s, box)));
    }

    private List<Row> list(Sessions.Session s, String box) {
        List<Row> rows = new ArrayList<>();
        get(s, "/api/v1/" + box + "?limit=" + PAGE).path("messages").forEach(m -> rows.add(new Row(m)));
        return rows;
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
        Map<String, List<Phrase>> groups = new LinkedHashMap<>();
        for (Phrase phrase : MessageService.PHRASEBOOK.phrases()) {
            groups.computeIfAbsent(phrase.groupId(), g -> new ArrayList<>()).add(phrase);
        }
        return templates.render("compose", Map.of("c", chrome(s, "compose"), "groups", groups, "error", error));
    }

    private String params(Sessions.Session s, String code) {
        return templates.render(
                "params",
                Map.of(
                        "phrase",
                        MessageService.PHRASEBOOK.phrase(code),
                        "legend",
                        chrome(s, "compose").t("parameters")));
    }

    String dialogue(Sessions.Session s, String error) {
        boolean maySuspend = api.permits(s.caller, "POST", "/api/v1/channel-notices");
        boolean mayAnswer = api.permits(s.caller, "POST", "/api/v1/dialogue/requests/x/answer");
        return templates.render(
                "dialogue",
                Map.of(
                        "c", chrome(s, "dialogue"),
                        "dialogue", get(s, "/api/v1/dialogue"),
                        "notices", get(s, "/api/v1/channel-notices"),
                        "stats", get(s, "/api/v1/dialogue/stats?period=MONTH"),
                        "maySuspend", maySuspend,
                        "mayAnswer", mayAnswer,
                        "error", error));
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
