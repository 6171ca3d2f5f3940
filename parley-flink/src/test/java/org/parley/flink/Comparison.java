package org.parley.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Incident sets compared: the same events (kind, incident, pair, level, times), ranges within 1 m. */
final class Comparison {
    private Comparison() {}

    static String key(Incident i) {
        return i.kind() + " " + i.incidentId() + " " + i.level() + " " + i.time() + " " + i.a() + " / " + i.b() + " "
                + i.closestTime();
    }

    static List<Incident> sorted(List<Incident> in) {
        List<Incident> out = new ArrayList<>(in);
        out.sort(Comparator.comparing(Comparison::key));
        return out;
    }

    static void assertSame(List<Incident> job, List<Incident> engine, String what) {
        List<Incident> a = sorted(job);
        List<Incident> b = sorted(engine);
        assertThat(a.stream().map(Comparison::key).toList())
                .as("%s: incident events of the job (left) and of the engine", what)
                .containsExactlyElementsOf(b.stream().map(Comparison::key).toList());
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).closestRangeMetres())
                    .as("%s: closest range of %s", what, key(a.get(i)))
                    .isCloseTo(b.get(i).closestRangeMetres(), org.assertj.core.data.Offset.offset(1.0));
            assertThat(a.get(i).predictedCpaMetres())
                    .as("%s: predicted CPA of %s", what, key(a.get(i)))
                    .isCloseTo(b.get(i).predictedCpaMetres(), org.assertj.core.data.Offset.offset(1.0));
        }
    }
}
