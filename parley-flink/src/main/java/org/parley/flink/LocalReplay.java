package org.parley.flink;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/** The job over reports already decoded, in a local MiniCluster, its incident events collected. */
final class LocalReplay {
    private LocalReplay() {}

    /** What a replay produced: the incident events (in no particular order) and the reports dropped. */
    record Result(List<Messages.IncidentMessage> incidents, long late, long refused) {}

    static Result run(List<Messages.Report> reports, WatchSettings settings, int parallelism) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism, Tuning.apply(new Configuration()));
        DataStream<Messages.Report> source =
                env.fromData(reports, TypeInformation.of(Messages.Report.class)).setParallelism(1);
        CloseableIterator<Messages.IncidentMessage> it = EncounterJob.watch(
                        EncounterJob.timed(source, settings, java.util.Optional.empty()), settings)
                .incidents()
                .collectAsync();
        JobClient client = env.executeAsync("parley flink replay");
        List<Messages.IncidentMessage> out = new ArrayList<>();
        try {
            it.forEachRemaining(out::add);
        } finally {
            it.close();
        }
        JobExecutionResult result = client.getJobExecutionResult().get();
        return new Result(
                out, count(result, TrackStage.LATE_ACCUMULATOR), count(result, TrackStage.REFUSED_ACCUMULATOR));
    }

    private static long count(JobExecutionResult result, String name) {
        Object value = result.getAccumulatorResult(name);
        return value instanceof Long n ? n : 0;
    }
}
