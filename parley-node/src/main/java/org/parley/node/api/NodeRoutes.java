package org.parley.node.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.InstantSource;
import java.util.function.Supplier;
import org.parley.federation.LinkStatus;
import org.parley.node.NodeConfig;
import org.parley.node.events.NodeEvents;
import org.parley.node.messages.MessageService;
import org.parley.node.record.NodeLedger;
import org.parley.node.watch.EncounterWatch;

/** The node's own state: liveness, Prometheus metrics, this API's document, the link and alarms. */
final class NodeRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Events a stream reader may fall behind by before it is dropped (it reconnects and reloads). */
    private static final int EVENT_QUEUE = 256;

    private final NodeConfig config;
    private final MessageService messages;
    private final NodeEvents events;
    private final Supplier<LinkStatus> link;
    private final String storeEngine;
    private final InstantSource clock;
    private final EncounterWatch watch;
    private final NodeLedger ledger;

    NodeRoutes(
            NodeConfig config,
            MessageService messages,
            NodeEvents events,
            Supplier<LinkStatus> link,
            String storeEngine,
            InstantSource clock,
            EncounterWatch watch,
            NodeLedger ledger) {
        this.watch = watch;
        this.ledger = ledger;
        this.config = config;
        this.messages = messages;
        this.events = events;
        this.link = link;
        this.storeEngine = storeEngine;
        this.clock = clock;
    }

    Reply health(Request request) {
        ObjectNode out = JSON.createObjectNode();
        out.put("status", "UP");
        out.put("party", config.party().name());
        out.put("peer", config.peer().name());
        out.put("store", storeEngine);
        out.put("linkAlarm", link.get().alarm());
        out.put("time", clock.instant().toString());
        return Reply.ok(out);
    }

    /** Prometheus text exposition format 0.0.4. */
    Reply metrics(Request request) {
        return new Reply.Text(
                "text/plain; version=0.0.4; charset=utf-8",
                events.metricsText(messages.outboxPending(), link.get().alarm()) + watch.metricsText());
    }

    Reply openApi(Request request) {
        return new Reply.Text("application/json", OpenApi.document());
    }

    Reply link(Request request) {
        ObjectNode out = Views.link(link.get());
        // The record's side of the link (issue 18): our size, and the newest size the peer countersigned.
        out.put("treeSize", ledger.size());
        ledger.lastCountersignedByPeer().ifPresent(head -> {
            out.put("countersignedTreeSize", head.treeSize());
            out.put("countersignedHeadTime", head.timestamp().toString());
        });
        return Reply.ok(out);
    }

    /** {@code text/event-stream}: message, ack, alarm (and the watch's incident, tracks) events. */
    Reply events(Request request) {
        return new Reply.EventStream(events.subscribe(EVENT_QUEUE));
    }

    /**
     * A page of the alarms kept (issue 19, item 2): the newest {@code limit} (default and most
     * {@value NodeEvents#ALARMS_KEPT}) after passing over the newest {@code offset}, oldest first.
     */
    Reply alarms(Request request) {
        int limit = whole(request, "limit", NodeEvents.ALARMS_KEPT, 1, NodeEvents.ALARMS_KEPT);
        int offset = whole(request, "offset", 0, 0, Integer.MAX_VALUE);
        return Reply.ok(Views.alarms(events.alarmPage(offset, limit), events.alarmsRaised()));
    }

    /**
     * An operator acknowledges an alarm: who and when are kept with it and audited. Any operator
     * may (the duty officer sits the watch the alarms are for); the first acknowledgment stands.
     */
    Reply acknowledgeAlarm(Request request) {
        String text = request.parameter("id");
        long id;
        try {
            id = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new Problem(400, "an alarm id is the whole number GET /api/v1/alarms lists: '" + text + "'");
        }
        Identity.Operator operator = request.operator();
        return Reply.ok(Views.alarm(events.acknowledgeAlarm(id, operator.name(), operator.roleLabel())
                .orElseThrow(() -> new Problem(
                        404,
                        "no alarm " + id + " is kept: the node keeps the newest " + NodeEvents.ALARMS_KEPT
                                + " since it started (GET /api/v1/alarms lists them)"))));
    }

    private static int whole(Request request, String name, int fallback, int min, int max) {
        String text = request.query(name).orElse(String.valueOf(fallback));
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered by the problem below
        }
        throw new Problem(400, "'" + name + "' must be a whole number from " + min + " to " + max + ": '" + text + "'");
    }
}
