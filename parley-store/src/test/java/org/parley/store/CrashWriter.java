package org.parley.store;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import org.parley.wire.Precedence;
import org.parley.wire.SignedEnvelope;

/**
 * The subprocess of {@link CrashIT}: receives signed envelopes into the store as fast as it can and
 * prints {@code COMMITTED <id>} after each commit, until it is killed with SIGKILL.
 *
 * <p>Arguments: {@code sqlite FILE KEYS} or {@code postgres SCHEMA KEYS}.
 */
final class CrashWriter {
    private static final java.util.List<Precedence> PRECEDENCES = java.util.List.of(Precedence.values());

    private CrashWriter() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Keys keys = Keys.load(Path.of(args[2]));
        InstantSource clock = InstantSource.system();
        try (Store store = open(args[0], args[1], clock)) {
            out.println("READY");
            for (int i = 0; ; i++) {
                // Sizes vary so that kills land inside writes of different lengths.
                String text = "crash test " + i + " " + "x".repeat((i * 7919) % 3000);
                SignedEnvelope signed = keys.blueMessage(clock, PRECEDENCES.get(i % PRECEDENCES.size()), text);
                Received received = store.receive(keys.receivedByRed(signed), stored -> keys.redReceipt(clock, stored));
                out.println("COMMITTED " + received.entry().id());
            }
        }
    }

    static Store open(String engine, String location, InstantSource clock) {
        return switch (engine) {
            case "sqlite" -> Store.sqlite(Path.of(location), clock);
            case "postgres" ->
                Store.postgres(
                        PostgresStoreIT.url(), PostgresStoreIT.user(), PostgresStoreIT.password(), location, clock);
            default -> throw new IllegalArgumentException("engine must be sqlite or postgres: " + engine);
        };
    }
}
