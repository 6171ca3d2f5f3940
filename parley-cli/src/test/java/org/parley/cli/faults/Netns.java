package org.parley.cli.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Two Linux network namespaces, BLUE and RED, joined by one veth pair (the "wire" between the two
 * capitals), plus one management veth from the test's own namespace into each, so the test reaches
 * the operator APIs while the wire is cut. Faults go on the wire only:
 *
 * <pre>
 *   test (root ns)                                   test (root ns)
 *   10.S.1.1 ─mgmt─ 10.S.1.2 [BLUE ns] 10.S.0.1 ═wire═ 10.S.0.2 [RED ns] 10.S.2.2 ─mgmt─ 10.S.2.1
 * </pre>
 *
 * <p>Drops and random loss are nftables rules in the namespace's own output chain; the bandwidth
 * limit is a tbf qdisc on the wire. This kernel has no sch_netem (CONFIG_NET_SCH_NETEM is not set),
 * so delay and jitter come from {@link DelayProxy}, a userspace relay run inside the namespace.
 * Every namespace is deleted in {@link #close}, which also removes the veth pairs.
 */
final class Netns implements AutoCloseable {
    static final String IP = "/usr/sbin/ip";
    static final String TC = "/usr/sbin/tc";
    static final String NFT = "/usr/sbin/nft";

    final String blue;
    final String red;
    private final String tag;
    private final int subnet;
    private final List<String> created = new ArrayList<>();

    private Netns(String tag, int subnet) {
        this.tag = tag;
        this.subnet = subnet;
        this.blue = "pfb-" + tag;
        this.red = "pfr-" + tag;
    }

    /** Whether this process may create namespaces and has the tools; the reason when it may not. */
    static String unavailableReason() {
        for (String tool : List.of(IP, TC, NFT)) {
            if (!new java.io.File(tool).canExecute()) {
                return tool + " is missing (apt-get install iproute2 nftables)";
            }
        }
        String probe = "pfprobe" + ProcessHandle.current().pid();
        try {
            Result add = run(List.of(IP, "netns", "add", probe));
            run(List.of(IP, "netns", "del", probe));
            return add.code == 0 ? "" : "ip netns add is not permitted here: " + add.output.strip();
        } catch (IOException e) {
            return "cannot run " + IP + ": " + e.getMessage();
        }
    }

    static Netns create() throws IOException {
        SplittableRandom random = new SplittableRandom();
        String tag = Long.toString(ProcessHandle.current().pid() % 10_000) + random.nextInt(100);
        Netns n = new Netns(tag, 100 + random.nextInt(150));
        Runtime.getRuntime().addShutdownHook(new Thread(n::close)); // a killed test run cleans up too
        try {
            n.build();
        } catch (IOException | RuntimeException e) {
            n.close();
            throw e;
        }
        return n;
    }

    private void build() throws IOException {
        for (String ns : List.of(blue, red)) {
            must(IP, "netns", "add", ns);
            created.add(ns);
            must(IP, "-n", ns, "link", "set", "lo", "up");
        }
        String wb = "pfw" + tag + "b";
        String wr = "pfw" + tag + "r";
        must(IP, "link", "add", wb, "type", "veth", "peer", "name", wr);
        must(IP, "link", "set", wb, "netns", blue);
        must(IP, "link", "set", wr, "netns", red);
        must(IP, "-n", blue, "addr", "add", wireAddress(blue) + "/24", "dev", wb);
        must(IP, "-n", red, "addr", "add", wireAddress(red) + "/24", "dev", wr);
        must(IP, "-n", blue, "link", "set", wb, "up");
        must(IP, "-n", red, "link", "set", wr, "up");
        management(blue, 1);
        management(red, 2);
    }

    private void management(String ns, int net) throws IOException {
        String outer = "pfm" + tag + (net == 1 ? "b" : "r");
        String inner = outer + "n";
        must(IP, "link", "add", outer, "type", "veth", "peer", "name", inner);
        must(IP, "link", "set", inner, "netns", ns);
        must(IP, "addr", "add", "10." + subnet + "." + net + ".1/30", "dev", outer);
        must(IP, "link", "set", outer, "up");
        must(IP, "-n", ns, "addr", "add", "10." + subnet + "." + net + ".2/30", "dev", inner);
        must(IP, "-n", ns, "link", "set", inner, "up");
    }

    String wireAddress(String ns) {
        return "10." + subnet + ".0." + (ns.equals(blue) ? 1 : 2);
    }

    /** The namespace's end of its management link: where its operator API listens. */
    String managementAddress(String ns) {
        return "10." + subnet + "." + (ns.equals(blue) ? 1 : 2) + ".2";
    }

    /** The test's end of the management link into {@code ns}: reachable from inside that namespace. */
    String hostAddress(String ns) {
        return "10." + subnet + "." + (ns.equals(blue) ? 1 : 2) + ".1";
    }

    String wireDevice(String ns) {
        return "pfw" + tag + (ns.equals(blue) ? "b" : "r");
    }

    /** Drops every packet {@code ns} sends onto the wire (one direction of a partition). */
    void dropOutgoing(String ns) throws IOException {
        rule(ns, "oifname \"" + wireDevice(ns) + "\" drop");
    }

    /** A full partition: both directions dropped. */
    void partition() throws IOException {
        dropOutgoing(blue);
        dropOutgoing(red);
    }

    /** Drops {@code percent} of the packets each side sends onto the wire, at random. */
    void loss(int percent) throws IOException {
        for (String ns : List.of(blue, red)) {
            rule(ns, "oifname \"" + wireDevice(ns) + "\" numgen random mod 100 < " + percent + " drop");
        }
    }

    /** Limits each direction of the wire to {@code kbit} kbit/s (token bucket, 400 ms queue). */
    void rate(int kbit) throws IOException {
        for (String ns : List.of(blue, red)) {
            must(
                    TC,
                    "-n",
                    ns,
                    "qdisc",
                    "replace",
                    "dev",
                    wireDevice(ns),
                    "root",
                    "tbf",
                    "rate",
                    kbit + "kbit",
                    "burst",
                    "2kb",
                    "latency",
                    "400ms");
        }
    }

    /** Removes every fault: the wire is whole again. */
    void heal() throws IOException {
        for (String ns : List.of(blue, red)) {
            run(List.of(IP, "netns", "exec", ns, NFT, "delete", "table", "inet", "pfault"));
            run(List.of(TC, "-n", ns, "qdisc", "del", "dev", wireDevice(ns), "root"));
        }
    }

    private void rule(String ns, String rule) throws IOException {
        must(IP, "netns", "exec", ns, NFT, "add", "table", "inet", "pfault");
        must(
                IP,
                "netns",
                "exec",
                ns,
                NFT,
                "add",
                "chain",
                "inet",
                "pfault",
                "out",
                "{ type filter hook output priority 0; }");
        must(IP, "netns", "exec", ns, NFT, "add", "rule", "inet", "pfault", "out", rule);
    }

    /** The command line that runs {@code command} inside {@code ns}. */
    List<String> inside(String ns, List<String> command) {
        List<String> line = new ArrayList<>(List.of(IP, "netns", "exec", ns));
        line.addAll(command);
        return line;
    }

    @Override
    public synchronized void close() {
        for (String ns : List.copyOf(created)) {
            try {
                run(List.of(IP, "netns", "del", ns));
            } catch (IOException e) {
                System.err.println("Netns: could not delete namespace " + ns + ": " + e.getMessage());
            }
            created.remove(ns);
        }
    }

    private static void must(String... command) throws IOException {
        Result r = run(List.of(command));
        if (r.code != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + r.code + "): " + r.output.strip());
        }
    }

    private record Result(int code, String output) {}

    private static Result run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return new Result(-1, "interrupted");
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
