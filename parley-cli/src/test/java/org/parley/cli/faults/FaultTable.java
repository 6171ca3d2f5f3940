package org.parley.cli.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.parley.cli.OperatorTraffic;

/**
 * The rows the fault suite prints, one per fault, in the shape docs/reliability.md records them.
 * Also appended to {@code target/faults/table.md} so a run's table can be copied as printed.
 */
final class FaultTable {
    static final String HEADER =
            "| fault | duration | sent | delivered | lost | duplicated | alarm after | recovery | notes |\n"
                    + "|---|---|---|---|---|---|---|---|---|";

    /** One row: what was injected and what the two nodes did about it. */
    record Row(
            String fault,
            String duration,
            OperatorTraffic.Count count,
            String alarmAfter,
            String recovery,
            String notes) {
        String markdown() {
            return "| " + fault + " | " + duration + " | " + count.sent() + " | " + count.delivered() + " | "
                    + count.lost() + " | " + count.duplicated() + " | " + alarmAfter + " | " + recovery + " | "
                    + notes + " |";
        }
    }

    private static final List<Row> ROWS = new ArrayList<>();

    private FaultTable() {}

    static synchronized void add(Row row) {
        ROWS.add(row);
        System.out.println("FAULTS " + row.markdown());
    }

    /** Prints the table of this run and appends it to target/faults/table.md. */
    static synchronized void print() {
        if (ROWS.isEmpty()) {
            return;
        }
        StringBuilder out = new StringBuilder("\nFault suite, " + Instant.now() + ", load: " + uptime() + "\n");
        out.append(HEADER).append('\n');
        ROWS.forEach(r -> out.append(r.markdown()).append('\n'));
        System.out.println(out);
        try {
            Path file = Path.of("target/faults/table.md");
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file, out.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("FaultTable: could not write target/faults/table.md: " + e.getMessage());
        }
        ROWS.clear();
    }

    static String seconds(java.time.Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static String uptime() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
