package org.parley.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Loopback ports for tests that must name a port before the server behind it starts. */
public final class Ports {
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int LOWEST = 10_000;
    private static final int LINUX_DEFAULT_EPHEMERAL_LOW = 32_768;
    private static final int ATTEMPTS = 200;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private Ports() {}

    /**
     * A port that was free a moment ago, chosen below the kernel's ephemeral range. The kernel's pick
     * for port 0 comes from that range, which is also where every outgoing connection takes its
     * source port: a node's HTTP client could take such a port between the probe and the server's
     * bind ("Address already in use"). Below the range only another explicit bind can take it, and
     * this JVM never hands the same port out twice.
     */
    public static int freePort() {
        int high = ephemeralLow() - 1;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = random.nextInt(LOWEST, high + 1);
            if (!HANDED_OUT.contains(port) && bindable(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException(
                "no free loopback port between " + LOWEST + " and " + high + " after " + ATTEMPTS + " tries");
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int firstSpace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return text.length();
    }

    /** The low end of the kernel's ephemeral range; Linux's default where /proc cannot be read. */
    private static int ephemeralLow() {
        try {
            String range = Files.readString(EPHEMERAL_RANGE).strip();
            int low = Integer.parseInt(range.substring(0, firstSpace(range)));
            return low > LOWEST + 1_000 ? low : LINUX_DEFAULT_EPHEMERAL_LOW;
        } catch (IOException | RuntimeException e) {
            return LINUX_DEFAULT_EPHEMERAL_LOW;
        }
    }
}
