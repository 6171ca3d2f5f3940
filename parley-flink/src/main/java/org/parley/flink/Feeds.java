package org.parley.flink;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.parley.adsb.AdsbDecoder;
import org.parley.adsb.feed.AdsbFeed;
import org.parley.adsb.feed.FeedFormat;
import org.parley.adsb.feed.FeedRecord;
import org.parley.track.adsb.AdsbReports;
import org.parley.track.ais.AisReports;
import org.parley.track.csv.CsvLine;
import org.parley.track.csv.ReportCsv;

/**
 * The two feed topics and their decoders. Lines: AIS NMEA 0183 as a receiver sends them (tag
 * blocks, {@code $xxZDA} clock sentences), or the synthetic CSV report lines of {@code encounters
 * replay}. Beast: one Beast frame (as on port 30005) per Kafka record, the record's timestamp being
 * the receive time. The decoders keep state between records (AIS fragments and ship types, the
 * ZDA clock, ADS-B CPR pairs), so they run at the topic's partition count with their state in
 * checkpoints; a partition must carry all the lines of one receiver (AIS) or all the frames of an
 * aircraft (ADS-B, keyed by ICAO address).
 */
final class Feeds {
    private Feeds() {}

    /** A record's place in the input: offset, then partition, then topic (lines 0, Beast 1). */
    static long seq(long offset, int partition, int source) {
        return (offset << 10) | ((long) (partition & 0x1ff) << 1) | source;
    }

    /** One feed line and its place. */
    record Line(long seq, String text) {}

    /** One Beast frame, its receive time and its place. */
    static final class Frame {
        long seq;
        long receivedMillis;
        byte[] bytes = new byte[0];

        /** For Flink's POJO serializer. */
        public Frame() {}

        Frame(long seq, long receivedMillis, byte[] bytes) {
            this.seq = seq;
            this.receivedMillis = receivedMillis;
            this.bytes = bytes.clone();
        }

        public long getSeq() {
            return seq;
        }

        public void setSeq(long seq) {
            this.seq = seq;
        }

        public long getReceivedMillis() {
            return receivedMillis;
        }

        public void setReceivedMillis(long receivedMillis) {
            this.receivedMillis = receivedMillis;
        }

        public byte[] getBytes() {
            return bytes.clone();
        }

        public void setBytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public String toString() {
            return "Frame[" + seq + ", " + receivedMillis + ", " + Arrays.toString(bytes) + "]";
        }
    }

    /** Kafka records of the lines topic. */
    static final class LineSchema implements KafkaRecordDeserializationSchema<Line> {
        private static final long serialVersionUID = 1L;

        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Line> out) {
            if (record.value() != null) {
                String text = new String(record.value(), java.nio.charset.StandardCharsets.ISO_8859_1);
                out.collect(new Line(seq(record.offset(), record.partition(), 0), text.strip()));
            }
        }

        @Override
        public TypeInformation<Line> getProducedType() {
            return TypeInformation.of(Line.class);
        }
    }

    /** Kafka records of the Beast topic. */
    static final class FrameSchema implements KafkaRecordDeserializationSchema<Frame> {
        private static final long serialVersionUID = 1L;

        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Frame> out) {
            if (record.value() != null) {
                out.collect(new Frame(seq(record.offset(), record.partition(), 1), record.timestamp(), record.value()));
            }
        }

        @Override
        public TypeInformation<Frame> getProducedType() {
            return TypeInformation.of(Frame.class);
        }
    }

    /** Lines to position reports through {@link AisReports} (or {@link ReportCsv}). */
    static final class LineDecoder extends RichFlatMapFunction<Line, Messages.Report>
            implements CheckpointedFunction, ResultTypeQueryable<Messages.Report> {
        private static final long serialVersionUID = 1L;
        private transient @Nullable AisReports ais;
        private transient @Nullable ListState<AisReports> saved;

        @Override
        public void open(OpenContext context) {
            start();
        }

        /** A fresh decoder unless one was restored from a checkpoint. */
        void start() {
            if (ais == null) {
                ais = AisReports.create();
            }
        }

        @Override
        public void flatMap(Line line, Collector<Messages.Report> out) {
            String text = line.text();
            if (!text.isEmpty() && Character.isDigit(text.charAt(0))) {
                if (ReportCsv.parse(text, line.seq()) instanceof CsvLine.Report r) {
                    out.collect(new Messages.Report(line.seq(), r.report()));
                }
                return;
            }
            java.util.Objects.requireNonNull(ais)
                    .offer(text)
                    .ifPresent(r -> out.collect(new Messages.Report(line.seq(), r)));
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            java.util.Objects.requireNonNull(saved).update(ais == null ? java.util.List.of() : java.util.List.of(ais));
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            ListState<AisReports> state = context.getOperatorStateStore()
                    .getListState(new ListStateDescriptor<>("ais-decoder", TypeInformation.of(AisReports.class)));
            saved = state;
            for (AisReports restored : state.get()) {
                ais = restored;
            }
        }

        @Override
        public TypeInformation<Messages.Report> getProducedType() {
            return TypeInformation.of(Messages.Report.class);
        }
    }

    /** Beast frames to position reports through {@link AdsbDecoder} and {@link AdsbReports}. */
    static final class FrameDecoder extends RichFlatMapFunction<Frame, Messages.Report>
            implements CheckpointedFunction, ResultTypeQueryable<Messages.Report> {
        private static final long serialVersionUID = 1L;
        private transient @Nullable AdsbReports adsb;
        private transient @Nullable ListState<AdsbReports> saved;
        private final org.apache.flink.api.common.accumulators.LongCounter frames =
                new org.apache.flink.api.common.accumulators.LongCounter();
        private final org.apache.flink.api.common.accumulators.LongCounter positions =
                new org.apache.flink.api.common.accumulators.LongCounter();

        @Override
        public void open(OpenContext context) {
            start();
            getRuntimeContext().addAccumulator("beastFrames", frames);
            getRuntimeContext().addAccumulator("adsbReports", positions);
        }

        /** A fresh decoder unless one was restored from a checkpoint. */
        void start() {
            if (adsb == null) {
                adsb = new AdsbReports(AdsbDecoder.create());
            }
        }

        @Override
        public void flatMap(Frame frame, Collector<Messages.Report> out) throws IOException {
            AdsbReports reports = java.util.Objects.requireNonNull(adsb);
            Instant at = Instant.ofEpochMilli(frame.receivedMillis);
            frames.add(1);
            AdsbFeed.read(new ByteArrayInputStream(frame.bytes), FeedFormat.BEAST, record -> {
                if (record instanceof FeedRecord.Frame f) {
                    reports.accept(reports.decoder().decode(f.frame(), at)).ifPresent(r -> {
                        positions.add(1);
                        out.collect(new Messages.Report(frame.seq, r));
                    });
                }
            });
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            java.util.Objects.requireNonNull(saved)
                    .update(adsb == null ? java.util.List.of() : java.util.List.of(adsb));
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            ListState<AdsbReports> state = context.getOperatorStateStore()
                    .getListState(new ListStateDescriptor<>("adsb-decoder", TypeInformation.of(AdsbReports.class)));
            saved = state;
            for (AdsbReports restored : state.get()) {
                adsb = restored;
            }
        }

        @Override
        public TypeInformation<Messages.Report> getProducedType() {
            return TypeInformation.of(Messages.Report.class);
        }
    }
}
