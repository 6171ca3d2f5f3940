package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.cli.operator.OperatorClient;
import org.parley.encounter.EncounterConfig;
import org.parley.encounter.EncounterEngine;
import org.parley.encounter.EncounterEvent;
import org.parley.encounter.Hainan2001;
import org.parley.encounter.Level;
import org.parley.node.watch.EncounterWatch;
import org.parley.track.PositionReport;
import org.parley.wire.EnvelopeId;

/**
 * The 2001 Hainan collision reconstructed (docs/scenarios.md) through two real nodes: BLUE's watch
 * raises HOTLINE on the J-8II's passes before the collision and the FLASH reaches RED; then the
 * damaged EP-3E's emergency: MAYDAY with position and persons on board, a request to land at
 * Lingshui. RED's node alerts every role at once and puts it first in the inbox; RED grants the
 * landing and acknowledges.
 */
class HainanEmergencyIT {
    @TempDir
    Path root;

    @Test
    void hainan2001_hotlineBeforeCollisionThenEmergencyGrantedAndAcknowledged() throws Exception {
        try (TwoNodes nodes = new TwoNodes(root, InstantSource.system(), "PT30M")) {
            OperatorClient blue = nodes.client(nodes.blue, TwoNodes.BLUE_OFFICER);
            OperatorClient red = nodes.client(nodes.red, TwoNodes.RED_OFFICER);

            Optional<Instant> hotlineAt = replay(nodes.blue.encounterWatch());
            assertThat(hotlineAt).as("HOTLINE before the collision").isPresent();
            assertThat(hotlineAt.get()).isBefore(Hainan2001.collision());
            JsonNode incident = blue.get("api/v1/incidents").path("incidents").get(0);
            assertThat(incident.path("level").asText()).isEqualTo("HOTLINE");
            awaitInbox(red, m -> m.path("precedence").asText().equals("FLASH"));

            // A ROUTINE message arrives after the emergency: the emergency still heads the inbox.
            String mayday = blue.post("api/v1/messages", emergency()).path("id").asText();
            blue.post("api/v1/messages", routine());
            awaitInbox(red, m -> m.path("text").asText().equals("weather report follows"));
            JsonNode first = red.get("api/v1/inbox").path("messages").get(0);
            assertThat(first.path("id").asText()).isEqualTo(mayday);
            assertThat(first.path("emergency").asBoolean()).isTrue();
            assertThat(first.path("textZh").asText()).contains("共24人", "Lingshui");
            assertThat(first.path("responsibleRole").asText()).isEqualTo("duty-officer, watch-supervisor, commander");
            assertThat(red.get("api/v1/alarms").toString()).contains("EMERGENCY", mayday, "commander");

            red.post("api/v1/messages", granted());
            red.post("api/v1/messages/" + mayday + "/ack", OperatorClient.json().createObjectNode());
            await("BLUE to see the emergency acknowledged")
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> blue.get("api/v1/messages/" + mayday)
                            .path("status")
                            .asText()
                            .equals("ACKNOWLEDGED"));
            awaitInbox(blue, m -> m.path("text").asText().contains("is granted"));
            assertThat(red.get("api/v1/inbox")
                            .path("messages")
                            .get(0)
                            .path("id")
                            .asText())
                    .as("acknowledged, the emergency no longer heads the inbox")
                    .isNotEqualTo(mayday);

            ObjectNode notFlash = emergency().put("precedence", "IMMEDIATE");
            assertThatThrownBy(() -> blue.post("api/v1/messages", notFlash))
                    .hasMessageContaining("EMERGENCY")
                    .hasMessageContaining("FLASH");
        }
    }

    /** The reconstruction through an engine with the scenarios' parties; returns when HOTLINE was sent. */
    private Optional<Instant> replay(EncounterWatch watch) throws Exception {
        Path parties = Files.writeString(root.resolve("parties.yaml"), Hainan2001.partiesYaml());
        EncounterEngine engine =
                new EncounterEngine(EncounterConfig.defaults().withParties(EncounterConfig.readParties(parties)));
        Optional<Instant> hotline = Optional.empty();
        for (PositionReport report : Hainan2001.reports()) {
            List<EncounterEvent> events = new ArrayList<>(engine.advanceTo(report.time()));
            events.addAll(engine.onReport(report));
            for (EncounterEvent event : events) {
                Optional<EnvelopeId> sent = watch.onEvent(event);
                if (sent.isPresent() && event.level() == Level.HOTLINE && hotline.isEmpty()) {
                    hotline = Optional.of(event.time());
                }
            }
        }
        return hotline;
    }

    private static ObjectNode emergency() {
        ObjectNode body = OperatorClient.json().createObjectNode();
        body.put("precedence", "FLASH").put("category", "SAFETY");
        ArrayNode phrases = body.putArray("phrases");
        phrase(phrases, "EMG.DECLARE")
                .put("unit", "EP-3E 156511")
                .put("position", "18.45,110.03")
                .put("time", Hainan2001.collision().plusSeconds(60).toString())
                .put("souls", String.valueOf(Hainan2001.SOULS_ON_BOARD));
        phrase(phrases, "EMG.DAMAGED").put("unit", "EP-3E 156511");
        phrase(phrases, "EMG.REQUEST_LANDING").put("unit", "EP-3E 156511").put("place", Hainan2001.LANDING_AIRFIELD);
        return body;
    }

    private static ObjectNode granted() {
        ObjectNode body = OperatorClient.json().createObjectNode();
        body.put("precedence", "FLASH").put("category", "SAFETY");
        phrase(body.putArray("phrases"), "EMG.GRANTED")
                .put("unit", "EP-3E 156511")
                .put("place", Hainan2001.LANDING_AIRFIELD);
        return body;
    }

    private static ObjectNode routine() {
        return OperatorClient.json()
                .createObjectNode()
                .put("precedence", "ROUTINE")
                .put("category", "ROUTINE")
                .put("text", "weather report follows");
    }

    private static ObjectNode phrase(ArrayNode phrases, String code) {
        ObjectNode phrase = phrases.addObject().put("code", code);
        return phrase.putObject("arguments");
    }

    private static void awaitInbox(OperatorClient api, java.util.function.Predicate<JsonNode> wanted) {
        await("a message in the inbox").atMost(Duration.ofSeconds(20)).until(() -> {
            for (JsonNode m : api.get("api/v1/inbox").path("messages")) {
                if (wanted.test(m)) {
                    return true;
                }
            }
            return false;
        });
    }
}
