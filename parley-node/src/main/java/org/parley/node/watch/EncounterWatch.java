package org.parley.node.watch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.parley.dialogue.phrasebook.PhraseMessage;
import org.parley.dialogue.phrasebook.PhraseUse;
import org.parley.dialogue.phrasebook.Phrasebook;
import org.parley.encounter.ClosestApproach;
import org.parley.encounter.EncounterEvent;
import org.parley.encounter.GeoPoint;
import org.parley.encounter.Level;
import org.parley.encounter.Unit;
import org.parley.node.messages.MessageService;
import org.parley.track.Domain;
import org.parley.wire.Category;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Party;
import org.parley.wire.Payload;
import org.parley.wire.Precedence;

/**
 * The encounter watch's voice on the hotline: when one of our units and one of the peer's reach
 * UNSAFE or HOTLINE, the node drafts a FLASH SAFETY message from the phrasebook (so the other side
 * reads it in its own language) and sends it, once per incident and level. An encounter between
 * units of one party, or with units of no party, is for the own watch floor, not the hotline.
 */
public final class EncounterWatch {
    /** Who sends the drafted messages, in the audit log. */
    public static final String ACTOR = "encounter-watch";

    private final Party own;
    private final Party peer;
    private final MessageService messages;
    private final Set<String> notified = new HashSet<>();

    public EncounterWatch(Party own, Party peer, MessageService messages) {
        this.own = own;
        this.peer = peer;
        this.messages = messages;
    }

    /** Sends the FLASH an event calls for, if any; returns its id. */
    public synchronized Optional<EnvelopeId> onEvent(EncounterEvent event) {
        if (event.kind() == EncounterEvent.Kind.CLOSED || event.level() == Level.WATCH) {
            return Optional.empty();
        }
        Optional<Payload> draft = draft(event, own, peer);
        if (draft.isEmpty() || !notified.add(event.incidentId() + "/" + event.level())) {
            return Optional.empty();
        }
        return Optional.of(messages.send(Precedence.FLASH, Category.SAFETY, draft.get(), ACTOR));
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
        PhraseMessage message = new PhraseMessage(phrases, event.summary());
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
