package org.parley.flink;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.util.ListCollector;

/** Feed records decoded as the job's decoders decode them, with the places the job gives them. */
final class Decoded {
    private Decoded() {}

    /** The lines of one partition of the lines topic, offsets from 0. */
    static List<Messages.Report> lines(List<String> lines, int partition) {
        Feeds.LineDecoder decoder = new Feeds.LineDecoder();
        decoder.start();
        List<Messages.Report> out = new ArrayList<>();
        ListCollector<Messages.Report> into = new ListCollector<>(out);
        for (int i = 0; i < lines.size(); i++) {
            decoder.flatMap(
                    new Feeds.Line(Feeds.seq(i, partition, 0), lines.get(i).strip()), into);
        }
        return out;
    }

    /** The frames of one partition of the Beast topic, offsets from 0. */
    static List<Messages.Report> frames(List<byte[]> frames, List<Long> receivedMillis, int partition)
            throws Exception {
        Feeds.FrameDecoder decoder = new Feeds.FrameDecoder();
        decoder.start();
        List<Messages.Report> out = new ArrayList<>();
        ListCollector<Messages.Report> into = new ListCollector<>(out);
        for (int i = 0; i < frames.size(); i++) {
            decoder.flatMap(new Feeds.Frame(Feeds.seq(i, partition, 1), receivedMillis.get(i), frames.get(i)), into);
        }
        return out;
    }
}
