package org.parley.node.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.parley.dialogue.phrasebook.PhraseMessage;
import org.parley.dialogue.phrasebook.PhraseUse;
import org.parley.dialogue.phrasebook.Reader;
import org.parley.dialogue.phrasebook.Rendering;
import org.parley.node.api.OperatorApi;
import org.parley.node.messages.MessageService;

/**
 * The console's state-changing requests (CSRF already checked): acknowledge, preview and send a
 * message, send a channel notice. Each becomes the operator API's JSON request, made in-process as
 * the signed-in operator, so the API's checks and role rules decide.
 */
final class Actions {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OperatorApi api;
    private final Pages pages;

    Actions(OperatorApi api, Pages pages) {
        this.api = api;
        this.pages = pages;
    }

    void handle(HttpExchange ex, Sessions.Session s, String path, Map<String, String> form) throws IOException {
        boolean htmx = "true".equals(ex.getRequestHeaders().getFirst("HX-Request"));
        if (path.startsWith("/console/messages/") && path.endsWith("/ack")) {
            String id = path.substring("/console/messages/".length(), path.length() - "/ack".length());
            Pages.json(api.call(s.caller, "POST", "/api/v1/messages/" + id + "/ack", "{}"));
            if (htmx) {
                Exchange.html(ex, 200, pages.rows(s, "inbox", new Filter("", "", "")));
            } else {
                Exchange.redirect(ex, "/console/messages/" + id);
            }
            return;
        }
        if (path.startsWith("/console/alarms/") && path.endsWith("/ack")) {
            acknowledgeAlarm(ex, s, path, form);
            return;
        }
        if (path.startsWith("/console/incidents/") && path.endsWith("/send")) {
            sendDraft(ex, s, path);
            return;
        }
        if (path.startsWith("/console/dialogue/") && path.endsWith("/decline")) {
            String id = path.substring("/console/dialogue/".length(), path.length() - "/decline".length());
            ObjectNode body =
                    JSON.createObjectNode().put("answer", "DECLINE").put("reason", form.getOrDefault("reason", ""));
            OperatorApi.Answer answer =
                    api.call(s.caller, "POST", "/api/v1/dialogue/requests/" + id + "/answer", body.toString());
            if (answer.status() >= 400) {
                Exchange.html(
                        ex,
                        answer.status(),
                        pages.dialogue(
                                s, JSON.readTree(answer.body()).path("detail").asText()));
                return;
            }
            Exchange.redirect(ex, "/console/dialogue");
            return;
        }
        switch (path) {
            case "/console/compose/preview" -> Exchange.html(ex, 200, preview(form));
            case "/console/compose/send" -> send(ex, s, form);
            case "/console/channel-notices" -> notice(ex, s, form);
            default -> throw new ConsoleHandler.Refusal(404, "no console action " + path);
        }
    }

    private void send(HttpExchange ex, Sessions.Session s, Map<String, String> form) throws IOException {
        OperatorApi.Answer answer = api.call(
                s.caller, "POST", "/api/v1/messages", Compose.body(form).toString());
        if (answer.status() >= 400) {
            Exchange.html(
                    ex,
                    answer.status(),
                    pages.compose(s, JSON.readTree(answer.body()).path("detail").asText()));
            return;
        }
        Exchange.redirect(ex, "/console/outbox");
    }

    /** Acknowledges an alarm as this operator, then shows the alarms view the button was on. */
    private void acknowledgeAlarm(HttpExchange ex, Sessions.Session s, String path, Map<String, String> form)
            throws IOException {
        String id = path.substring("/console/alarms/".length(), path.length() - "/ack".length());
        if (!id.matches("[0-9]{1,18}")) {
            throw new ConsoleHandler.Refusal(404, "not an alarm id: " + id);
        }
        Pages.json(api.call(s.caller, "POST", "/api/v1/alarms/" + id + "/ack", "{}"));
        String back = form.getOrDefault("back", "");
        Exchange.redirect(ex, back.matches("/console/alarms(\\?[A-Za-z0-9_=&]*)?") ? back : "/console/alarms");
    }

    /** Sends an incident's drafted FLASH ({@code /console/incidents/ID/notices/LEVEL/send}). */
    private void sendDraft(HttpExchange ex, Sessions.Session s, String path) throws IOException {
        String[] parts = path.substring("/console/incidents/".length()).split("/", -1);
        if (parts.length != 4 || !parts[1].equals("notices") || !parts[0].matches("[A-Za-z0-9._-]{1,64}")) {
            throw new ConsoleHandler.Refusal(404, "no console action " + path);
        }
        OperatorApi.Answer answer =
                api.call(s.caller, "POST", "/api/v1/incidents/" + parts[0] + "/notices/" + parts[2] + "/send", "{}");
        if (answer.status() >= 400) {
            Exchange.html(
                    ex,
                    answer.status(),
                    pages.incident(
                            s,
                            parts[0],
                            JSON.readTree(answer.body()).path("detail").asText()));
            return;
        }
        Exchange.redirect(ex, "/console/incidents/" + parts[0]);
    }

    private void notice(HttpExchange ex, Sessions.Session s, Map<String, String> form) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("action", form.getOrDefault("action", "SUSPEND"));
        body.putArray("categories").add("DIALOGUE");
        body.put("reason", form.getOrDefault("reason", ""));
        OperatorApi.Answer answer = api.call(s.caller, "POST", "/api/v1/channel-notices", body.toString());
        if (answer.status() >= 400) {
            Exchange.html(
                    ex,
                    answer.status(),
                    pages.dialogue(
                            s, JSON.readTree(answer.body()).path("detail").asText()));
            return;
        }
        Exchange.redirect(ex, "/console/dialogue");
    }

    /** Both languages from the phrasebook, or what is wrong, exactly as the API would refuse it. */
    private String preview(Map<String, String> form) {
        List<PhraseUse> phrases = Compose.phrases(form);
        if (phrases.isEmpty()) {
            return pages.preview(form.getOrDefault("text", ""), "", "");
        }
        PhraseMessage message = new PhraseMessage(phrases, form.getOrDefault("text", ""));
        return switch (MessageService.PHRASEBOOK.render(message, Reader.english())) {
            case Rendering.Refused refused -> pages.preview("", "", refused.reason());
            case Rendering.Rendered en -> pages.preview(en.text(), zh(message), "");
        };
    }

    private static String zh(PhraseMessage message) {
        return switch (MessageService.PHRASEBOOK.render(message, Reader.chinese())) {
            case Rendering.Refused refused -> refused.reason();
            case Rendering.Rendered zh -> zh.text();
        };
    }
}
