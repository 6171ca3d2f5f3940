package org.parley.node.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parley.node.api.OperatorApi;

/**
 * One incident of the live watch (GET /api/v1/incidents/{id}) as a page: the facts, both units'
 * predicted paths and the CPA point on a map, the range over the look-ahead as a chart, the
 * engine's changes as a table, and beside them the hotline messages of the incident: our notices
 * (sent, drafted, discarded) and the peer's FLASH messages linked to it.
 */
final class IncidentPage {
    /** One hotline message beside the incident: ours for a level, or the peer's. */
    record Hotline(String origin, String level, String state, String envelope, Optional<Row> message, String detail) {
        /** The draft of this level may be sent from here by this operator. */
        boolean sendable() {
            return state.equals("DRAFT");
        }
    }

    private final OperatorApi api;
    private final Pages pages;
    private final Templates templates;

    IncidentPage(OperatorApi api, Pages pages, Templates templates) {
        this.api = api;
        this.pages = pages;
        this.templates = templates;
    }

    String render(Sessions.Session s, String id, String error) {
        if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new ConsoleHandler.Refusal(404, "not an incident id: " + id);
        }
        JsonNode incident = pages.get(s, "/api/v1/incidents/" + id);
        boolean maySend = api.permits(s.caller, "POST", "/api/v1/incidents/" + id + "/notices/HOTLINE/send");
        return templates.render(
                "incident",
                Map.of(
                        "c",
                        pages.chrome(s, "map"),
                        "i",
                        incident,
                        "plot",
                        Prediction.of(incident).map(JsonNode::toString).orElse(""),
                        "hotline",
                        hotline(s, incident),
                        "maySend",
                        maySend,
                        "error",
                        error));
    }

    private List<Hotline> hotline(Sessions.Session s, JsonNode incident) {
        List<Hotline> out = new ArrayList<>();
        for (JsonNode n : incident.path("notices")) {
            String envelope = n.path("envelope").asText("");
            String detail =
                    n.path("decidedBy").asText("") + " " + n.path("reason").asText("");
            out.add(new Hotline(
                    pages.chrome(s, "map").party(),
                    n.path("level").asText(),
                    n.path("state").asText(),
                    envelope,
                    message(s, envelope),
                    detail.strip()));
        }
        for (JsonNode p : incident.path("peer")) {
            String envelope = p.path("envelope").asText("");
            out.add(new Hotline(
                    p.path("from").asText(),
                    "FLASH",
                    "RECEIVED",
                    envelope,
                    message(s, envelope),
                    p.path("summary").asText("")));
        }
        return out;
    }

    /** The message as the API shows it to this operator, if it is in our inbox or outbox. */
    private Optional<Row> message(Sessions.Session s, String envelope) {
        if (envelope.isEmpty()) {
            return Optional.empty();
        }
        OperatorApi.Answer answer = api.call(s.caller, "GET", "/api/v1/messages/" + envelope, "");
        return answer.status() == 200 ? Optional.of(new Row(Pages.json(answer))) : Optional.empty();
    }
}
