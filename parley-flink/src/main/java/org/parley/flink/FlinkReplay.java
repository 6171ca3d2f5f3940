package org.parley.flink;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.parley.adsb.AdsbDecoder;
import org.parley.adsb.feed.AdsbFeed;
import org.parley.adsb.feed.FeedRecord;
import org.parley.encounter.EncounterException;
import org.parley.encounter.Level;
import org.parley.track.adsb.AdsbReports;

/**
 * {@code parley flink replay FILE... [--parties YAML] [--rules YAML] [--json] [--parallelism N]}:
 * the files through the Flink job in a local MiniCluster, straight from the files (no broker),
 * printing what {@code parley encounters replay} prints for them: one summary line (or, with
 * {@code --json}, the incident JSON) per event, in time order, and a closing count on stderr.
 *
 * <p>Formats as {@code encounters replay} detects them: AIS NMEA ({@code VDM,}/{@code VDO,} in the
 * first 4 KiB), the CSV report lines, otherwise ADS-B (AVR, Beast or SBS) dated by the file's
 * modification time plus the Beast 12 MHz counter. The job orders reports by event time; for a
 * feed that is itself in time order (every file of the corpus and the scenarios) that is the
 * engine's order, and the events are the engine's.
 */
public final class FlinkReplay {
    private FlinkReplay() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        List<Path> files = new ArrayList<>();
        WatchSettings settings = WatchSettings.defaults();
        boolean json = false;
        int parallelism = Math.max(1, Runtime.getRuntime().availableProcessors());
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--parties" -> settings = settings.withParties(Files.readString(Path.of(args[++i])));
                case "--rules" -> settings = settings.withRules(Files.readString(Path.of(args[++i])));
                case "--json" -> json = true;
                case "--no-progress" -> {}
                case "--parallelism" -> parallelism = Integer.parseInt(args[++i]);
                default -> {
                    if (args[i].startsWith("--")) {
                        err.println("parley flink: unknown option " + args[i]);
                        return 2;
                    }
                    files.add(Path.of(args[i]));
                }
            }
        }
        if (files.isEmpty()) {
            err.println(
                    "usage: parley flink replay FILE... [--parties YAML] [--rules YAML] [--json] [--parallelism N]");
            return 2;
        }
        for (Path f : files) {
            if (!Files.isReadable(f)) {
                err.println("parley flink: cannot read " + f.toAbsolutePath());
                return 2;
            }
        }
        try {
            settings.config();
        } catch (EncounterException e) {
            err.println("parley flink: " + e.getMessage());
            return 2;
        }
        List<Messages.Report> reports = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            reports.addAll(decode(files.get(i), i));
        }
        if (reports.isEmpty()) {
            err.println("parley flink: 0 position reports, alerts {}, late 0");
            return 0;
        }
        Instant first = reports.stream()
                .map(r -> r.report().time())
                .min(Comparator.naturalOrder())
                .orElseThrow();
        Instant last = reports.stream()
                .map(r -> r.report().time())
                .max(Comparator.naturalOrder())
                .orElseThrow();
        LocalReplay.Result result =
                LocalReplay.run(reports, settings.withOrigin(first).withEnd(last), parallelism);
        Map<Level, Long> alerts = new EnumMap<>(Level.class);
        List<String> lines = new ArrayList<>();
        for (Messages.IncidentMessage m : sorted(result.incidents())) {
            Incident e = Incident.fromJson(m.json());
            lines.add(json ? m.json() : e.summary());
            if (!e.kind().equals("CLOSED")) {
                alerts.merge(Level.valueOf(e.level()), 1L, Long::sum);
            }
        }
        lines.forEach(out::println);
        out.flush();
        err.printf("parley flink: %d position reports, alerts %s, late %d%n", reports.size(), alerts, result.late());
        return 0;
    }

    /** Time order, then the order the engine emits within one instant: opened and escalated before closed. */
    private static List<Messages.IncidentMessage> sorted(List<Messages.IncidentMessage> in) {
        List<Messages.IncidentMessage> out = new ArrayList<>(in);
        out.sort(Comparator.comparing((Messages.IncidentMessage m) ->
                        Incident.fromJson(m.json()).time())
                .thenComparing(m -> Incident.fromJson(m.json()).kind().equals("CLOSED"))
                .thenComparing(Messages.IncidentMessage::json));
        return out;
    }

    /** One file's reports, each with its place (file, record). */
    static List<Messages.Report> decode(Path file, int fileIndex) throws IOException {
        byte[] head = new byte[4096];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        String text = new String(head, 0, n, StandardCharsets.ISO_8859_1);
        List<Messages.Report> out = new ArrayList<>();
        long base = (long) fileIndex << 40;
        if (text.contains("VDM,")
                || text.contains("VDO,")
                || text.startsWith("time,target")
                || text.matches("(?s)^(#[^\\n]*\\n)*\\d{4}-\\d\\d-\\d\\dT[^,]*,(MMSI|ICAO):.*")) {
            Feeds.LineDecoder decoder = new Feeds.LineDecoder();
            decoder.start();
            ListCollector<Messages.Report> into = new ListCollector<>(out);
            List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            for (int i = 0; i < lines.size(); i++) {
                decoder.flatMap(new Feeds.Line(base + i, lines.get(i).strip()), into);
            }
            return out;
        }
        AdsbReports adapter = new AdsbReports(AdsbDecoder.create());
        Instant modified = Files.getLastModifiedTime(file).toInstant();
        long[] count = {0};
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            AdsbFeed.readDetected(in, record -> {
                long seq = base + count[0]++;
                if (record instanceof FeedRecord.Frame f) {
                    Instant at = f.timestamp12MHz().isPresent()
                            ? modified.plusNanos(f.timestamp12MHz().getAsLong() * 1000 / 12)
                            : modified;
                    adapter.accept(adapter.decoder().decode(f.frame(), at))
                            .ifPresent(r -> out.add(new Messages.Report(seq, r)));
                }
            });
        }
        return out;
    }
}
