package org.parley.flink;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/** The job over reports already decoded, in a local MiniCluster, its incident events collected. */
final class LocalReplay {
    private LocalReplay() {}

    static List<Messages.IncidentMessage> run(List<Messages.Report> reports, WatchSettings settings, int parallelism)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, Tuning.apply(new Configuration()));
        DataStream<Messages.Report> source = env.fromData(reports, TypeInformation.of(Messages.Report.class))
                .setParallelism(1);
        List<Messages.IncidentMessage> out = new ArrayList<>();
        CloseableIterator<Messages.IncidentMessage> it =
                EncounterJob.watch(source, settings).incidents().executeAndCollect("parley flink replay");
        try {
            it.forEachRemaining(out::add);
        } finally {
            it.close();
        }
        return out;
    }
}
