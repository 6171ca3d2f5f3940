package org.parley.encounter;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
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

    Encounter(Domain domain, Unit a, Unit b, Level level, Instant now, PairSolution s, GeoPoint pa, GeoPoint pb) {
        this.id =
                a.id().label().replace(' ', '-') + "_" + b.id().label().replace(' ', '-') + "_" + now.getEpochSecond();
        this.domain = domain;
        this.a = a;
        this.b = b;
        this.openedAt = now;
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
        Level seen = entry.isPresent() && hold.isPresent()
                ? max(entry.get(), hold.get())
                : entry.or(() -> hold).orElse(current);
        current = seen;
        if (seen.compareTo(worst) > 0) {
            worst = seen;
            return true;
        }
        return false;
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
