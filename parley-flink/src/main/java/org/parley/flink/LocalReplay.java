package org.parley.flink;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/** The job over reports already decoded, in a local MiniCluster, its incident events collected. */
final class LocalReplay {
    /** Marks a late report among the collected messages (an incident id is never empty). */
    private static final String LATE = "";

    private LocalReplay() {}

    /** What a replay produced: the incident events (in no particular order) and the reports dropped as late. */
    record Result(List<Messages.IncidentMessage> incidents, long late) {}

    static Result run(List<Messages.Report> reports, WatchSettings settings, int parallelism) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism, Tuning.apply(new Configuration()));
        DataStream<Messages.Report> source =
                env.fromData(reports, TypeInformation.of(Messages.Report.class)).setParallelism(1);
        EncounterJob.Outputs outputs =
                EncounterJob.watch(EncounterJob.timed(source, settings, Optional.empty()), settings);
        DataStream<Messages.IncidentMessage> late = outputs.late()
                .map(r -> new Messages.IncidentMessage(LATE, ""), TypeInformation.of(Messages.IncidentMessage.class));
        List<Messages.IncidentMessage> incidents = new ArrayList<>();
        long lateReports = 0;
        CloseableIterator<Messages.IncidentMessage> it =
                outputs.incidents().union(late).executeAndCollect("parley flink replay");
        try {
            while (it.hasNext()) {
                Messages.IncidentMessage m = it.next();
                if (m.incidentId().equals(LATE)) {
                    lateReports++;
                } else {
                    incidents.add(m);
                }
            }
        } finally {
            it.close();
        }
        return new Result(incidents, lateReports);
    }
}
