package org.parley.node.watch;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.parley.dialogue.phrasebook.PhraseMessage;
import org.parley.dialogue.phrasebook.PhraseUse;
import org.parley.dialogue.phrasebook.Phrasebook;
import org.parley.encounter.ClosestApproach;
import org.parley.encounter.EncounterEvent;
import org.parley.encounter.GeoPoint;
import org.parley.encounter.Level;
import org.parley.encounter.Unit;
import org.parley.node.events.NodeEvents;
import org.parley.node.messages.MessageService;
import org.parley.node.messages.MessageView;
import org.parley.track.Domain;
import org.parley.track.PositionReport;
import org.parley.wire.Category;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Party;
import org.parley.wire.Payload;
import org.parley.wire.Precedence;

/**
 * The node's encounter watch (issue 17): position reports from the feeds and from {@code POST
 * /api/v1/positions} go through one {@link EncounterEngine}; each encounter it opens is an incident
 * kept in the node's store with every change of level and its geometry; a level that concerns one
 * of our units and one of the peer's calls for a FLASH SAFETY notice from the phrasebook (so the
 * other side reads it in its own language), sent at once, drafted for the duty officer, or not at
 * all, per level ({@link WatchConfig#send}). At most one notice per incident and level, across
 * restarts: the incident tables' keys say so, and an open incident is found again by its pair.
 *
 * <p>Thread-safe: the engine runs on the watch's own thread ({@link WatchLoop}); the API's calls
 * and the engine's events meet here under one lock.
 */
public final class EncounterWatch implements AutoCloseable {
    /** Who sends the drafted messages, in the audit log. */
    public static final String ACTOR = "encounter-watch";

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
    /** An open incident no event touched for this long, and that the engine does not follow, is closed. */
    static final java.time.Duration UNOBSERVED_AFTER = java.time.Duration.ofMinutes(30);

    private final Party own;
    private final Party peer;
    private final MessageService messages;
    private final WatchConfig config;
    private final IncidentStore incidents;
    private final NodeEvents events;
    private final InstantSource clock;
    /** The engine's incident ids (fresh after a restart) to ours (kept). */
    private final Map<String, String> ids = new HashMap<>();

    private final List<Consumer<Incident>> listeners = new CopyOnWriteArrayList<>();
    private @Nullable WatchLoop loop;

    private EncounterWatch(
            WatchConfig config,
            Party own,
            Party peer,
            MessageService messages,
            IncidentStore incidents,
            NodeEvents events,
            InstantSource clock) {
        this.config = config;
        this.own = own;
        this.peer = peer;
        this.messages = messages;
        this.incidents = incidents;
        this.events = events;
        this.clock = clock;
        // The event stream (GET /api/v1/events) hears every change, so consoles refresh at once.
        listeners.add(changed -> events.publish(NodeEvents.Topic.INCIDENT, incidentEvent(changed)));
    }

    private static String incidentEvent(Incident incident) {
        return JSON.createObjectNode()
                .put("id", incident.id())
                .put("level", incident.level().name())
                .put("open", incident.open())
                .put("updated", incident.updated().toString())
                .toString();
    }

    /**
     * Opens the incident tables in {@code data} (the node's database), finishes notices a stop left
     * half sent, and returns the watch; {@link #start} begins reading reports.
     */
    public static EncounterWatch open(
            WatchConfig config,
            Party own,
            Party peer,
            MessageService messages,
            DataSource data,
            NodeEvents events,
            InstantSource clock) {
        EncounterWatch watch = new EncounterWatch(config, own, peer, messages, IncidentStore.open(data), events, clock);
        watch.recoverSending();
        return watch;
    }

    /** Starts the engine's thread and the configured feeds. */
    public synchronized void start() {
        if (loop == null) {
            loop = WatchLoop.start(config, this, events, clock);
        }
    }

    /** Hears every change of an incident (the event stream of the console subscribes here). */
    public void onIncident(Consumer<Incident> listener) {
        listeners.add(listener);
    }

    /**
     * Takes position reports from the party's own systems ({@code POST /api/v1/positions}): they
     * join the feeds' reports in the same track table. Returns how many were queued; refuses with
     * {@link IllegalStateException} when the watch is not running.
     */
    public int accept(List<PositionReport> reports) {
        if (config.cluster().isPresent()) {
            throw new IllegalStateException("this node takes its incidents from the Flink job (watch feed "
                    + config.cluster().get().name() + ", kind kafka): send own units' positions to the cluster's feed"
                    + " topics");
        }
        WatchLoop running = running();
        reports.forEach(running::offer);
        return reports.size();
    }

    /** Live tracks inside a box (west, south, east, north in degrees; west > east crosses 180). */
    public List<TrackView> tracks(double west, double south, double east, double north) {
        return running().tracks(west, south, east, north);
    }

    /** Per-feed statistics for /metrics and the console. */
    public List<FeedView> feeds() {
        WatchLoop running = loop;
        return running == null ? List.of() : running.feeds();
    }

    /** The watch's lines of /metrics; none while it is off. */
    public String metricsText() {
        WatchLoop running = loop;
        if (running == null) {
            return "";
        }
        Instant now = clock.instant();
        Instant newest = running.lastReportTime();
        java.time.Duration lag =
                newest.equals(Instant.EPOCH) ? java.time.Duration.ZERO : java.time.Duration.between(newest, now);
        return WatchMetrics.render(own.name(), running.reportCount(), lag, running.trackCount(), running.feeds(), now);
    }

    public boolean enabled() {
        return config.enabled();
    }

    private synchronized WatchLoop running() {
        WatchLoop running = loop;
        if (running == null) {
            throw new IllegalStateException("the encounter watch is not running: add a 'watch:' section to node.yaml");
        }
        return running;
    }

    /**
     * Keeps an engine event as a change of its incident and does what its level calls for on the
     * hotline; returns the id of a FLASH sent now, if any. Encounters between units of no party are
     * counted but not kept: the hotline and both parties' officers care about their own units.
     */
    public synchronized Optional<EnvelopeId> onEvent(EncounterEvent event) {
        return onEvent(event, Optional.empty(), Optional.empty());
    }

    /**
     * As {@link #onEvent(EncounterEvent)}, keeping with the change each unit's last report (what the
     * console draws the predicted paths from); the live watch passes them from its track table.
     */
    public synchronized Optional<EnvelopeId> onEvent(
            EncounterEvent event, Optional<Incident.Motion> motionA, Optional<Incident.Motion> motionB) {
        return handle(event, motionA, motionB, Optional.empty());
    }

    /**
     * An incident event of the Flink job, from the watch feed of kind {@code kafka} (issue 21): the
     * same path as the engine's events, once per event even when the topic is read again after a
     * restart. The event's key (the job's incident id, which is stable, its kind and level) is
     * stored with the incident's change in one transaction; an event found stored is not stored
     * again, but its notice is still claimed (claims are idempotent), so a stop between the change
     * and the claim loses no FLASH. The job sends no track reports, so no motions are kept.
     */
    synchronized Optional<EnvelopeId> onClusterEvent(EncounterEvent event) {
        return handle(
                event,
                Optional.empty(),
                Optional.empty(),
                Optional.of(event.incidentId() + "|" + event.kind() + "|" + event.level()));
    }

    private Optional<EnvelopeId> handle(
            EncounterEvent event,
            Optional<Incident.Motion> motionA,
            Optional<Incident.Motion> motionB,
            Optional<String> clusterKey) {
        if (event.a().party().isEmpty() && event.b().party().isEmpty()) {
            events.count(NodeEvents.Counter.ENCOUNTERS_UNATTRIBUTED);
            return Optional.empty();
        }
        if (clusterKey.isPresent() && !ids.containsKey(event.incidentId())) {
            // The job's incident ids outlive a node restart: a later event of the same job incident
            // joins our incident even if it was closed meanwhile as unobserved (no split incident).
            incidents.incidentOfJobIncident(event.incidentId()).ifPresent(id -> ids.put(event.incidentId(), id));
        }
        Optional<String> stored = clusterKey.flatMap(incidents::incidentOfClusterEvent);
        Optional<Incident> incident = stored.isPresent() ? incidents.find(stored.get()) : incidentFor(event);
        if (incident.isEmpty()) {
            return Optional.empty();
        }
        String id = incident.get().id();
        if (stored.isEmpty()) {
            incidents.change(id, event, motionA, motionB, clusterKey);
        } else if (incident.get().open()) {
            ids.put(event.incidentId(), id);
        }
        if (event.kind() == EncounterEvent.Kind.CLOSED) {
            ids.remove(event.incidentId());
        }
        Optional<EnvelopeId> sent = hotline(id, event);
        announce(id);
        return sent;
    }

    /** The stored incident of an event: by the engine's id, else the pair's open one, else a new one. */
    private Optional<Incident> incidentFor(EncounterEvent event) {
        String known = ids.get(event.incidentId());
        if (known != null) {
            return incidents.find(known);
        }
        String pair = pairKey(event);
        Optional<Incident> open = incidents.openFor(pair);
        if (open.isPresent() || event.kind() == EncounterEvent.Kind.CLOSED) {
            open.ifPresent(i -> ids.put(event.incidentId(), i.id()));
            return open;
        }
        Incident created = incidents.create(new Incident(
                newId(event, pair),
                pair,
                event.domain(),
                event.a().describe(),
                event.b().describe(),
                event.a().party().map(Party::new),
                event.b().party().map(Party::new),
                event.level(),
                event.time(),
                event.time(),
                Optional.empty()));
        ids.put(event.incidentId(), created.id());
        events.say(own + " watch opened incident " + created.id() + ": " + event.summary());
        return Optional.of(created);
    }

    /** The notice a level calls for: sent now (AUTO), drafted (DRAFT) or nothing (OFF). */
    private Optional<EnvelopeId> hotline(String id, EncounterEvent event) {
        if (event.kind() == EncounterEvent.Kind.CLOSED) {
            return Optional.empty();
        }
        Optional<Payload> draft = draft(event, own, peer);
        if (draft.isEmpty()) {
            return Optional.empty();
        }
        String json = NoticePayloads.write(draft.get());
        return switch (config.mode(event.level())) {
            case OFF -> Optional.empty();
            case DRAFT -> {
                if (incidents.claimNotice(id, event.level(), Incident.NoticeState.DRAFT, json, clock.instant())) {
                    events.say(own + " watch drafted a FLASH for incident " + id + " (" + event.level()
                            + "): a duty officer sends or discards it");
                }
                yield Optional.empty();
            }
            case AUTO ->
                incidents.claimNotice(id, event.level(), Incident.NoticeState.SENDING, json, clock.instant())
                        ? Optional.of(sendNotice(id, event.level(), draft.get(), ACTOR))
                        : Optional.empty();
        };
    }

    /** Sends a claimed notice and records the envelope; the claim was committed first. */
    private EnvelopeId sendNotice(String id, Level level, Payload payload, String by) {
        EnvelopeId envelope = messages.send(Precedence.FLASH, Category.SAFETY, payload, by);
        incidents.noticeSent(id, level, envelope, by, clock.instant());
        return envelope;
    }

    /** The duty officer sends a drafted notice; returns its envelope id. */
    public synchronized EnvelopeId sendDraft(String id, Level level, String operator) {
        Incident.Notice notice = draftOf(id, level);
        if (!incidents.takeDraft(id, level)) {
            throw new IllegalStateException("the " + level + " notice of incident " + id + " is not a draft any more");
        }
        EnvelopeId sent = sendNotice(id, level, NoticePayloads.read(notice.payloadJson()), operator);
        announce(id);
        return sent;
    }

    /** The duty officer discards a drafted notice, with the reason kept. */
    public synchronized void discardDraft(String id, Level level, String operator, String reason) {
        draftOf(id, level);
        if (reason.isBlank()) {
            throw new IllegalArgumentException("say why the notice is discarded: 'reason' is required");
        }
        if (!incidents.noticeDiscarded(id, level, operator, reason, clock.instant())) {
            throw new IllegalStateException("the " + level + " notice of incident " + id + " is not a draft any more");
        }
        events.say(own + " duty officer " + operator + " discarded the " + level + " notice of incident " + id + ": "
                + reason);
        announce(id);
    }

    private Incident.Notice draftOf(String id, Level level) {
        Incident.Detail detail =
                incidents.detail(id).orElseThrow(() -> new NoSuchElementException("no incident " + id));
        return detail.notices().stream()
                .filter(n -> n.level() == level)
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("incident " + id + " has no " + level + " notice"));
    }

    /**
     * Closes open incidents that no engine event has touched for {@link #UNOBSERVED_AFTER} and that
     * the running engine does not follow: after a restart, a pair that is never seen again would
     * otherwise stay open for ever.
     */
    synchronized void closeUnobserved(Instant now) {
        Instant cutoff = now.minus(UNOBSERVED_AFTER);
        for (Incident incident : incidents.list(true, 0, 10_000)) {
            if (incident.updated().isBefore(cutoff) && !ids.containsValue(incident.id())) {
                incidents.close(incident.id(), now);
                events.say(
                        own + " watch closed incident " + incident.id() + ": not observed since " + incident.updated());
                announce(incident.id());
            }
        }
    }

    /**
     * How far ahead the rules look in {@code domain}: the sea WATCH rule's TCPA, the air sweep's
     * horizon. The console draws the predicted paths this far.
     */
    public Duration lookAhead(Domain domain) {
        return switch (domain) {
            case SEA -> Duration.ofSeconds(Math.round(config.encounter().sea().watchTcpaMinutes() * 60));
            case AIR -> Duration.ofSeconds(Math.round(config.encounter().sweep().airHorizonSeconds()));
        };
    }

    /** Incidents, most recently changed first. */
    public List<Incident> incidents(boolean openOnly, int offset, int limit) {
        return incidents.list(openOnly, offset, limit);
    }

    public Optional<Incident.Detail> incident(String id) {
        return incidents.detail(id);
    }

    /**
     * Links a FLASH SAFETY notice from the peer to our open incident of the same encounter, if we
     * have one: an incident with one of the peer's units whose last known positions lie within 5 NM
     * of the position the peer reported, changed within 15 minutes of it. The notice carries no unit
     * ids (the phrasebook speaks of positions and distances), so place and time are what match.
     */
    public synchronized Optional<String> onPeerNotice(
            Party from, EnvelopeId envelope, Payload.SafetyNotice notice, String summary) {
        Instant received = clock.instant();
        Optional<GeoPoint> where = PeerNotices.position(notice);
        if (where.isEmpty()) {
            return Optional.empty();
        }
        Instant at = PeerNotices.time(notice).orElse(received);
        for (Incident incident : incidents.list(true, 0, 500)) {
            if (PeerNotices.matches(incident, incidents.changes(incident.id()), own, peer, where.get(), at)) {
                incidents.linkPeer(
                        incident.id(),
                        new Incident.PeerReport(from, envelope, PeerNotices.reference(notice), received, summary));
                events.say(own + " linked " + from + "'s FLASH " + envelope + " to incident " + incident.id());
                announce(incident.id());
                return Optional.of(incident.id());
            }
        }
        return Optional.empty();
    }

    /**
     * Notices a stop left SENDING (claimed, maybe in the outbox): if the outbox holds a FLASH with
     * the same payload, it went out and is recorded as sent; otherwise it is sent now. Either way it
     * is sent exactly once.
     */
    private void recoverSending() {
        for (IncidentStore.Pending pending : incidents.allSending()) {
            String id = pending.incidentId();
            Level level = pending.level();
            Incident.Notice notice = draftOf(id, level);
            Payload payload = NoticePayloads.read(notice.payloadJson());
            Optional<EnvelopeId> already = messages.outbox(0, 1_000).stream()
                    .filter(m -> m.precedence() == Precedence.FLASH
                            && m.text().equals(MessageService.summary(payload))
                            && !m.created().isBefore(notice.created().minusSeconds(1)))
                    .map(MessageView::id)
                    .findFirst();
            if (already.isPresent()) {
                incidents.noticeSent(id, level, already.get(), ACTOR, clock.instant());
            } else {
                sendNotice(id, level, payload, ACTOR);
            }
        }
    }

    /** Tells every listener (the event stream among them) the incident as it now stands. */
    private void announce(String id) {
        incidents.find(id).ifPresent(changed -> listeners.forEach(l -> l.accept(changed)));
    }

    private static String pairKey(EncounterEvent event) {
        String a = event.a().id().toString();
        String b = event.b().id().toString();
        return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
    }

    /** Our id: party, opening time to the second, and a short hash of the pair (one pair opens once a second). */
    private String newId(EncounterEvent event, String pair) {
        String time = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
                .withZone(ZoneOffset.UTC)
                .format(event.time());
        return own.name() + "-" + time + "-" + String.format(Locale.ROOT, "%04x", pair.hashCode() & 0xffff);
    }

    @Override
    public synchronized void close() {
        WatchLoop running = loop;
        loop = null;
        if (running != null) {
            running.close();
        }
    }

    /**
     * The message for an encounter between our unit and the peer's: the phrases that fit its
     * geometry, with the engine's one-line summary attached as free text. If the phrasebook refuses
     * an argument (an out-of-range value), the summary goes as plain text: a safety alert is never
     * dropped for want of a phrase.
     */
    public static Optional<Payload> draft(EncounterEvent event, Party own, Party peer) {
        Optional<Unit> ours = unitOf(event, own);
        Optional<Unit> theirs = unitOf(event, peer);
        if (ours.isEmpty() || theirs.isEmpty()) {
            return Optional.empty();
        }
        ClosestApproach closest = event.closest();
        String time =
                event.time().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        boolean theyCrossed = closest.bowCrossing()
                .filter(c -> c.crossing().equals(theirs.get().id()))
                .isPresent();
        // The alert comes before the closest approach (that is its point), so it speaks of the
        // predicted CPA; a bow crossing already seen is named as well.
        String cpaTime = event.time()
                .plusMillis(Math.round(Math.max(0, event.predictedTcpaSeconds()) * 1000))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString();
        List<PhraseUse> phrases = new ArrayList<>();
        if (event.domain() == Domain.SEA) {
            closest.bowCrossing()
                    .filter(c -> theyCrossed)
                    .ifPresent(c ->
                            phrases.add(PhraseUse.of("CUES.P.BOW_CROSSING").with("distance", yards(c.aheadMetres()))));
            phrases.add(PhraseUse.of("CUES.P.CPA")
                    .with("distance", yards(event.predictedCpaMetres()))
                    .with("time", cpaTime));
            phrases.add(PhraseUse.of("CUES.P.KEEP_DISTANCE").with("distance", "1000yd"));
        } else {
            if (theyCrossed) {
                phrases.add(PhraseUse.of("MOU.AIR.NOSE_CROSSING")
                        .with(
                                "distance",
                                feet(closest.bowCrossing().orElseThrow().aheadMetres()))
                        .with("time", time));
            }
            phrases.add(PhraseUse.of("MOU.AIR.TOO_CLOSE").with("distance", feet(closest.rangeMetres())));
        }
        GeoPoint where = event.a().equals(ours.get()) ? closest.positionA() : closest.positionB();
        phrases.add(PhraseUse.of("HOT.INCIDENT_REPORT")
                .with(
                        "position",
                        String.format(Locale.ROOT, "%.4f,%.4f", where.latitudeDegrees(), where.longitudeDegrees()))
                .with("time", time));
        // No free text: the engine's summary is English, and a message the other side reads in Chinese
        // must not carry an English line inside it (issue 17.3). The phrases carry the geometry; the
        // summary stays in our incident record.
        PhraseMessage message = new PhraseMessage(phrases, "");
        return Optional.of(
                MessageService.PHRASEBOOK.problems(message).isEmpty()
                        ? Phrasebook.payloadOf(message)
                        : new Payload.Text(event.level() + " encounter: " + event.summary()));
    }

    private static Optional<Unit> unitOf(EncounterEvent event, Party party) {
        for (Unit unit : List.of(event.a(), event.b())) {
            if (unit.party().filter(party.name()::equals).isPresent()) {
                return Optional.of(unit);
            }
        }
        return Optional.empty();
    }

    private static String yards(double metres) {
        return String.format(Locale.ROOT, "%.0fyd", metres / 0.9144);
    }

    private static String feet(double metres) {
        return String.format(Locale.ROOT, "%.0fft", metres / 0.3048);
    }
}
