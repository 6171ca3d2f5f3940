package org.parley.node.api;

import static org.parley.node.api.Access.ADMIN;
import static org.parley.node.api.Access.OPERATOR;
import static org.parley.node.api.Access.PUBLIC;
import static org.parley.node.api.Access.SUPERVISOR;

import java.util.List;

/**
 * The operator API's routing table: every route once, with its method, its path template, the
 * access it needs, the query parameters it takes and its OpenAPI {@code operationId}. {@code
 * openapi.json} documents exactly these routes ({@code RouteTableOpenApiTest} checks both ways), and
 * {@link OperatorApi} binds each to its handler with an exhaustive switch, so a route cannot be
 * added here without a handler, nor served without being declared here.
 */
// Both fields Error Prone cannot prove immutable are: PathTemplate is a record over List.copyOf, and
// queryParameters is List.of.
@SuppressWarnings("ImmutableEnumChecker")
enum Route {
    HEALTH("GET", "/health", PUBLIC, "getHealth"),
    METRICS("GET", "/metrics", PUBLIC, "getMetrics"),
    OPENAPI("GET", "/openapi.json", PUBLIC, "getOpenApiDocument"),

    POSITIONS("POST", "/api/v1/positions", OPERATOR, "postPositions"),
    TRACKS("GET", "/api/v1/tracks", OPERATOR, "listTracks", "bbox"),
    INCIDENTS("GET", "/api/v1/incidents", OPERATOR, "listIncidents", "open", "limit", "offset"),
    GET_INCIDENT("GET", "/api/v1/incidents/{id}", OPERATOR, "getIncident"),
    SEND_INCIDENT_NOTICE("POST", "/api/v1/incidents/{id}/notices/{level}/send", OPERATOR, "sendIncidentNotice"),
    DISCARD_INCIDENT_NOTICE(
            "POST", "/api/v1/incidents/{id}/notices/{level}/discard", OPERATOR, "discardIncidentNotice"),

    SEND_MESSAGE("POST", "/api/v1/messages", OPERATOR, "sendMessage"),
    GET_MESSAGE("GET", "/api/v1/messages/{id}", OPERATOR, "getMessage"),
    ACKNOWLEDGE("POST", "/api/v1/messages/{id}/ack", OPERATOR, "acknowledgeMessage"),
    INBOX("GET", "/api/v1/inbox", OPERATOR, "listInbox", "limit", "offset"),
    OUTBOX("GET", "/api/v1/outbox", OPERATOR, "listOutbox", "limit", "offset"),
    LINK("GET", "/api/v1/link", OPERATOR, "getLinkStatus"),
    ALARMS("GET", "/api/v1/alarms", OPERATOR, "listAlarms", "limit", "offset"),
    ACKNOWLEDGE_ALARM("POST", "/api/v1/alarms/{id}/ack", OPERATOR, "acknowledgeAlarm"),
    PHRASEBOOK("GET", "/api/v1/phrasebook", OPERATOR, "getPhrasebook"),
    SET_ACK_DEADLINE("PUT", "/api/v1/config/ack-deadlines/{precedence}", ADMIN, "setAckDeadline"),
    PEER_KEY_REVOCATIONS("GET", "/api/v1/peer-keys/revocations", OPERATOR, "listPeerKeyRevocations"),
    REVOKE_PEER_KEY("POST", "/api/v1/peer-keys/revocations", ADMIN, "revokePeerKey"),

    DIALOGUE("GET", "/api/v1/dialogue", OPERATOR, "listDialogue"),
    REQUEST_TALKS("POST", "/api/v1/dialogue/requests", SUPERVISOR, "requestTalks"),
    ANSWER_TALKS("POST", "/api/v1/dialogue/requests/{id}/answer", SUPERVISOR, "answerTalks"),
    DIALOGUE_STATS("GET", "/api/v1/dialogue/stats", OPERATOR, "getDialogueStats", "period", "format"),
    CHANNEL_NOTICES("GET", "/api/v1/channel-notices", OPERATOR, "listChannelNotices"),
    SEND_CHANNEL_NOTICE("POST", "/api/v1/channel-notices", SUPERVISOR, "sendChannelNotice"),

    // --- console (issue 18): the live event stream ---
    EVENTS("GET", "/api/v1/events", OPERATOR, "streamEvents"),
    PROOF_BUNDLE("GET", "/api/v1/messages/{id}/proof", OPERATOR, "getProofBundle");

    private final String method;
    private final PathTemplate path;
    private final Access access;
    private final String operationId;
    private final List<String> queryParameters;

    Route(String method, String path, Access access, String operationId, String... queryParameters) {
        this.method = method;
        this.path = PathTemplate.parse(path);
        this.access = access;
        this.operationId = operationId;
        this.queryParameters = List.of(queryParameters);
    }

    /** The HTTP method in upper case, as it arrives on the request line. */
    String method() {
        return method;
    }

    PathTemplate path() {
        return path;
    }

    Access access() {
        return access;
    }

    String operationId() {
        return operationId;
    }

    /** The query parameters this route reads; any other is refused with 400 before the handler. */
    List<String> queryParameters() {
        return queryParameters;
    }

    @Override
    public String toString() {
        return method + " " + path.text();
    }
}
