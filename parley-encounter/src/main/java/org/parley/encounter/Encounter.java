package org.parley.encounter;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;
import org.parley.track.Domain;

/** One open (or closed) encounter between a pair: its level with hysteresis and what was seen. */
final class Encounter {
    final String id;
    final Domain domain;
    final Unit a;
    final Unit b;
    final Instant openedAt;
    private Level current;
    private Level worst;
    private Instant lastActiveAt;
    private ClosestApproach closest;
    private Optional<BowCrossing> bow = Optional.empty();
    private double lastLateralBFromA = Double.NaN;
    private double lastLateralAFromB = Double.NaN;
    private double predictedCpaMetres;
    private double predictedTcpaSeconds;
    private Optional<Instant> closedAt = Optional.empty();
    /** Seconds a confirmed HOTLINE breach must hold before the encounter is HOTLINE (issue 17). */
    private final double persistSeconds;
    /** Start of the current unbroken run of judgements in confirmed HOTLINE geometry, if any. */
    private @Nullable Instant hotlineSince;

    Encounter(
            Domain domain,
            Unit a,
            Unit b,
            Level entry,
            double persistSeconds,
            Instant now,
            PairSolution s,
            GeoPoint pa,
            GeoPoint pb) {
        this.id =
                a.id().label().replace(' ', '-') + "_" + b.id().label().replace(' ', '-') + "_" + now.getEpochSecond();
        this.domain = domain;
        this.a = a;
        this.b = b;
        this.openedAt = now;
        this.persistSeconds = persistSeconds;
        Level level = persisted(now, Optional.of(entry)).orElseThrow();
        this.current = level;
        this.worst = level;
        this.lastActiveAt = now;
        this.closest = approach(now, s, pa, pb);
        remember(s);
    }

    /**
     * Takes one evaluation. {@code entry} is the level by the entry thresholds, {@code hold} by the
     * exit thresholds. Returns true when the encounter rose above its worst level so far.
     */
    boolean observe(
            Instant now, Optional<Level> entry, Optional<Level> hold, PairSolution s, GeoPoint pa, GeoPoint pb) {
        crossings(now, s);
        if (s.rangeMetres() < closest.rangeMetres()) {
            closest = approach(now, s, pa, pb);
        } else if (bow.isPresent() && !bow.equals(closest.bowCrossing())) {
            closest = withBow(closest);
        }
        remember(s);
        if (hold.isPresent()) {
            lastActiveAt = now;
        }
        Optional<Level> in = persisted(now, entry);
        // The exit thresholds keep a HOTLINE reached, they never make one.
        Optional<Level> stay = hold.isPresent() && hold.get() == Level.HOTLINE && current != Level.HOTLINE
                ? Optional.of(Level.UNSAFE)
                : hold;
        Level seen = in.isPresent() && stay.isPresent()
                ? max(in.get(), stay.get())
                : in.or(() -> stay).orElse(current);
        current = seen;
        if (seen.compareTo(worst) > 0) {
            worst = seen;
            return true;
        }
        return false;
    }

    /**
     * A HOTLINE entry becomes HOTLINE only once the confirmed breach has held for {@code
     * persistSeconds} of unbroken judgements (consecutive sweeps and the reports between them);
     * until then it is UNSAFE. Any judgement below HOTLINE restarts the count.
     */
    private Optional<Level> persisted(Instant now, Optional<Level> entry) {
        if (entry.isEmpty() || entry.get() != Level.HOTLINE) {
            hotlineSince = null;
            return entry;
        }
        Instant since = hotlineSince;
        if (since == null) {
            since = now;
            hotlineSince = now;
        }
        double held = (now.toEpochMilli() - since.toEpochMilli()) / 1000.0;
        return held >= persistSeconds ? entry : Optional.of(Level.UNSAFE);
    }

    /** Bow crossing seen: the other unit's side of the heading line flipped while it was ahead. */
    private void crossings(Instant now, PairSolution s) {
        if (isFlip(lastLateralBFromA, s.lateralOfBFromAMetres()) && s.alongOfBFromAMetres() > 0) {
            keepNearest(new BowCrossing(b.id(), a.id(), s.alongOfBFromAMetres(), now));
        }
        if (isFlip(lastLateralAFromB, s.lateralOfAFromBMetres()) && s.alongOfAFromBMetres() > 0) {
            keepNearest(new BowCrossing(a.id(), b.id(), s.alongOfAFromBMetres(), now));
        }
    }

    private static Level max(Level x, Level y) {
        return x.compareTo(y) >= 0 ? x : y;
    }

    private static boolean isFlip(double before, double after) {
        return !Double.isNaN(before) && before != 0 && Math.signum(before) != Math.signum(after);
    }

    private void keepNearest(BowCrossing c) {
        if (bow.isEmpty() || c.aheadMetres() < bow.get().aheadMetres()) {
            bow = Optional.of(c);
        }
    }

    private void remember(PairSolution s) {
        lastLateralBFromA = s.lateralOfBFromAMetres();
        lastLateralAFromB = s.lateralOfAFromBMetres();
        predictedCpaMetres = s.cpaMetres();
        predictedTcpaSeconds = s.tcpaSeconds();
    }

    private ClosestApproach approach(Instant now, PairSolution s, GeoPoint pa, GeoPoint pb) {
        double dz = s.verticalSeparationFeet();
        return new ClosestApproach(
                s.rangeMetres(),
                now,
                pa,
                pb,
                s.relativeBearingDegrees(),
                Double.isNaN(dz) ? OptionalDouble.empty() : OptionalDouble.of(Math.abs(dz)),
                bow);
    }

    private ClosestApproach withBow(ClosestApproach c) {
        return new ClosestApproach(
                c.rangeMetres(),
                c.time(),
                c.positionA(),
                c.positionB(),
                c.relativeBearingDegrees(),
                c.verticalSeparationFeet(),
                bow);
    }

    boolean clearSince(Instant now, Duration clearAfter) {
        return Duration.between(lastActiveAt, now).compareTo(clearAfter) >= 0;
    }

    EncounterEvent event(EncounterEvent.Kind kind, Instant now) {
        Level level = kind == EncounterEvent.Kind.CLOSED ? worst : current;
        return new EncounterEvent(
                kind, id, level, now, domain, a, b, closest, predictedCpaMetres, predictedTcpaSeconds);
    }

    void close(Instant now) {
        closedAt = Optional.of(now);
    }

    Optional<Instant> closedAt() {
        return closedAt;
    }

    Level worst() {
        return worst;
    }

    ClosestApproach closest() {
        return closest;
    }
}
