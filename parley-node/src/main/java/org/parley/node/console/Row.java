package org.parley.node.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** One message as the API's JSON gives it ({@code Message} in openapi.json), read for a template. */
record Row(JsonNode json) {
    String id() {
        return json.path("id").asText();
    }

    String precedence() {
        return json.path("precedence").asText();
    }

    /** CSS class for the precedence colour. */
    String precedenceClass() {
        return "p-" + precedence().toLowerCase(Locale.ROOT);
    }

    String category() {
        return json.path("category").asText();
    }

    String from() {
        return json.path("from").asText();
    }

    String to() {
        return json.path("to").asText();
    }

    boolean inbound() {
        return "INBOUND".equals(json.path("direction").asText());
    }

    String created() {
        return json.path("created").asText();
    }

    /** When it arrived here (inbound) or was created (outbound): the countdown's start. */
    String since() {
        return json.path("receivedAt").asText(created());
    }

    String status() {
        return json.path("status").asText();
    }

    boolean acknowledged() {
        return "ACKNOWLEDGED".equals(status());
    }

    String deadline() {
        return json.path("ackDeadline").asText();
    }

    String text() {
        return json.path("text").asText();
    }

    String textZh() {
        return json.path("textZh").asText("");
    }

    String acknowledgedBy() {
        return json.path("acknowledgedBy").asText("");
    }

    String acknowledgedAt() {
        return json.path("acknowledgedAt").asText("");
    }

    boolean hasDelivery() {
        return json.has("delivery");
    }

    String attempts() {
        return json.path("delivery").path("attempts").asText("0");
    }

    String lastError() {
        return json.path("delivery").path("lastError").asText("");
    }

    /** A distress call: a SAFETY FLASH of the EMERGENCY phrase group (decision 12), as the API marks it. */
    boolean emergency() {
        return json.path("emergency").asBoolean(false);
    }

    /** A FLASH sounds until acknowledged; an EMERGENCY sounds its own, more urgent, tone. */
    boolean alarming() {
        return inbound() && !acknowledged() && "FLASH".equals(precedence());
    }

    /** The row's alarm for the page's sound: {@code emergency}, {@code on} (FLASH) or {@code off}. */
    String alarm() {
        if (!alarming()) {
            return "off";
        }
        return emergency() ? "emergency" : "on";
    }
}
