package org.parley.encounter;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.parley.track.Domain;
import org.parley.track.TargetId;
import org.parley.track.Track;

/** The last few positions of each track, for the GeoJSON export; bounded per track. */
final class Trails {
    static final int DEFAULT_POINTS = 500;

    private final int maxPoints;
    private final Map<TargetId, Deque<double[]>> points = new HashMap<>();
    private final Map<TargetId, Domain> domains = new HashMap<>();

    Trails(int maxPoints) {
        this.maxPoints = maxPoints;
    }

    void add(Track t) {
        if (maxPoints == 0) {
            return;
        }
        Deque<double[]> trail = points.computeIfAbsent(t.id(), k -> new ArrayDeque<>());
        trail.addLast(new double[] {
            t.longitudeDegrees(), t.latitudeDegrees(), t.time().getEpochSecond()
        });
        if (trail.size() > maxPoints) {
            trail.removeFirst();
        }
        domains.put(t.id(), t.domain());
    }

    Map<TargetId, Deque<double[]>> points() {
        return points;
    }

    Domain domain(TargetId id) {
        return domains.getOrDefault(id, id.defaultDomain());
    }
}
