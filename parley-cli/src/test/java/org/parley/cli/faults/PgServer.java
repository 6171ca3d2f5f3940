package org.parley.cli.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine's PostgreSQL server (PARLEY_PG_URL) as the two namespaced nodes' store, each in its
 * own schema, and the fault: the real server stopped and started again with {@code pg_ctlcluster}.
 * The server listens on the loopback of the test's namespace, which a node's namespace cannot reach,
 * so a plain TCP relay ({@link DelayProxy} with no delay) runs in the test's namespace on each
 * management link's outer address; when the server goes away the relay closes the node's
 * connections as the server would.
 */
final class PgServer implements AutoCloseable {
    static final Path CTL = Path.of("/usr/bin/pg_ctlcluster");
    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/(\\w+).*");

    private final String url;
    private final String user;
    private final String password;
    private final String host;
    private final int port;
    private final String database;
    private final List<String> cluster;
    private final List<Process> relays = new ArrayList<>();
    private final List<String> schemas = new ArrayList<>();

    private PgServer(String url, String user, String password, Matcher m) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.host = m.group(1);
        this.port = m.group(2) == null ? 5432 : Integer.parseInt(m.group(2));
        this.database = m.group(3);
        this.cluster =
                List.of(System.getProperty("parley.faults.pgCluster", "15 main").split(" "));
    }

    /** Why the restart fault cannot be made here; empty when it can. */
    static String unavailableReason() {
        String server = serverMissingReason();
        if (!server.isEmpty()) {
            return server;
        }
        return Files.isExecutable(CTL) ? "" : CTL + " is missing (the restart needs Debian's postgresql-common)";
    }

    /** Why no PostgreSQL server is at hand for the nodes (the cut fault needs nothing more); empty when one is. */
    static String serverMissingReason() {
        Optional<String> url = Optional.ofNullable(System.getenv("PARLEY_PG_URL"));
        if (url.isEmpty()) {
            return "PARLEY_PG_URL is unset (export PARLEY_PG_URL, PARLEY_PG_USER, PARLEY_PG_PASSWORD)";
        }
        if (!URL.matcher(url.get()).matches()) {
            return "PARLEY_PG_URL " + url.get() + " is not jdbc:postgresql://host[:port]/database";
        }
        return "";
    }

    static PgServer open(Netns net) throws IOException {
        String url = System.getenv("PARLEY_PG_URL");
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException(unavailableReason());
        }
        PgServer pg = new PgServer(
                url,
                Optional.ofNullable(System.getenv("PARLEY_PG_USER")).orElse("parley"),
                Optional.ofNullable(System.getenv("PARLEY_PG_PASSWORD")).orElse("parley"),
                m);
        pg.startRelays(net);
        return pg;
    }

    /** The relays, one per node namespace; the nodes reach the server only through them. */
    private void startRelays(Netns net) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        for (String ns : List.of(net.blue, net.red)) {
            relays.add(new ProcessBuilder(
                            java,
                            "-Xmx64m",
                            "-cp",
                            "target/test-classes",
                            DelayProxy.class.getName(),
                            net.hostAddress(ns),
                            String.valueOf(port),
                            host,
                            String.valueOf(port),
                            "0",
                            "0")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .start());
        }
        try {
            Thread.sleep(1000); // let the relays bind before the nodes connect
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The server cut off from both nodes without stopping it (the {@code pgdown} fault): the relays
     * are killed, so every connection of the nodes breaks and new ones are refused, while the server
     * goes on serving every other client of this machine.
     */
    void cut() throws InterruptedException {
        for (Process relay : relays) {
            relay.destroyForcibly();
            relay.waitFor(10, TimeUnit.SECONDS);
        }
        relays.clear();
    }

    /** Reachable again after {@link #cut}: the relays are started anew on the same addresses. */
    void restore(Netns net) throws IOException {
        startRelays(net);
    }

    /** node.yaml store lines for the node in {@code ns}: through its relay, in a schema of its own. */
    String storeYaml(Netns net, String ns, String schema) {
        schemas.add(schema);
        return "store: jdbc:postgresql://" + net.hostAddress(ns) + ":" + port + "/" + database + "\nstoreUser: " + user
                + "\nstorePassword: " + password + "\nstoreSchema: " + schema;
    }

    void stop() throws IOException {
        ctl("stop");
    }

    void start() throws IOException {
        ctl("start");
    }

    private void ctl(String action) throws IOException {
        List<String> command = new ArrayList<>(List.of(CTL.toString()));
        command.addAll(cluster);
        command.add(action);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(String.join(" ", command) + " interrupted", e);
        }
    }

    @Override
    public void close() {
        relays.forEach(Process::destroyForcibly);
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            for (String schema : schemas) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        } catch (SQLException e) {
            System.err.println("PgServer: could not drop the test schemas " + schemas + ": " + e.getMessage());
        }
    }
}
