package org.parley.federation.gate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listening port of a node's HTTPS server, in front of the JDK's {@code HttpsServer}, which
 * listens on loopback behind it (issue 19, item 1; docs/decisions.md, decision 15). The JDK server
 * can only cap connections per server and not per source address, so a few thousand stalled
 * connections from one address would take every place and lock out the real peer. The gate counts
 * connections in all and per source address and closes one over either {@link ConnectionLimits}
 * as soon as it is accepted (a reset, before any TLS); an admitted one is relayed byte for byte to
 * the server, so TLS, the client-certificate checks and the request-time limit stay the server's.
 *
 * <p>Handlers see the relay's loopback address as the remote address; {@link #clientOf} gives the
 * real one (the operator sign-in throttle is per address).
 */
public final class ConnectionGate implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGate.class);
    private static final int BACKLOG = 128;
    private static final int BUFFER_BYTES = 16 * 1024;
    private static final Duration BACKEND_CONNECT = Duration.ofSeconds(5);

    private final ServerSocket listener;
    private final InetSocketAddress backend;
    private final ConnectionLimits limits;
    private final String name;
    /** Open connections per source address; guarded by {@code this}, as is {@link #open}. */
    private final Map<InetAddress, Integer> perAddress = new HashMap<>();

    private int open;
    /** The relay's end towards the server (what handlers see) -> the real client. */
    private final Map<SocketAddress, InetSocketAddress> clients = new ConcurrentHashMap<>();

    private final Set<Socket> live = ConcurrentHashMap.newKeySet();
    private final AtomicLong refused = new AtomicLong();
    private volatile boolean closed;
    private final Thread acceptor;

    private ConnectionGate(ServerSocket listener, InetSocketAddress backend, ConnectionLimits limits, String name) {
        this.listener = listener;
        this.backend = backend;
        this.limits = limits;
        this.name = name;
        // Made here, started by open() once the gate is complete.
        this.acceptor = Thread.ofPlatform().daemon().name(name + "-gate").unstarted(this::acceptLoop);
    }

    /**
     * Listens on {@code listen} and relays each admitted connection to {@code backend} (the server's
     * loopback address). {@code name} appears in thread names and log lines.
     */
    public static ConnectionGate open(
            InetSocketAddress listen, InetSocketAddress backend, ConnectionLimits limits, String name)
            throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.setReuseAddress(true);
            listener.bind(listen, BACKLOG);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        ConnectionGate gate = new ConnectionGate(listener, backend, limits, name);
        gate.acceptor.start();
        return gate;
    }

    /** Where the gate listens (the port the peer or the operators connect to). */
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /** The real client behind a remote address the server saw; {@code seen} itself if not relayed. */
    public InetSocketAddress clientOf(InetSocketAddress seen) {
        return clients.getOrDefault(seen, seen);
    }

    /** Connections open now (for tests and metrics). */
    public synchronized int openConnections() {
        return open;
    }

    /** Connections closed at once because a limit was reached, since the gate opened. */
    public long refusedConnections() {
        return refused.get();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("{}: accept failed: {}", name, e.toString());
                }
                continue;
            }
            InetAddress from = client.getInetAddress();
            if (admit(from)) {
                Thread.ofVirtual().name(name + "-relay").start(() -> relay(client, from));
            } else {
                refuse(client, from);
            }
        }
    }

    private synchronized boolean admit(InetAddress from) {
        int mine = perAddress.getOrDefault(from, 0);
        if (open >= limits.perListener() || mine >= limits.perAddress()) {
            return false;
        }
        open++;
        perAddress.put(from, mine + 1);
        return true;
    }

    private synchronized void release(InetAddress from) {
        open--;
        perAddress.computeIfPresent(from, (address, count) -> count == 1 ? null : count - 1);
    }

    private void refuse(Socket client, InetAddress from) {
        long count = refused.incrementAndGet();
        try (client) {
            client.setSoLinger(true, 0); // a reset: no TIME_WAIT left behind for a flood
        } catch (IOException e) {
            // already gone
        }
        if (Long.bitCount(count) == 1) { // 1, 2, 4, 8, ...: a flood writes a few log lines, not one per try
            LOG.warn(
                    "{}: {} connection(s) refused so far at the limits ({} in all, {} per address); the latest from {}",
                    name,
                    count,
                    limits.perListener(),
                    limits.perAddress(),
                    from.getHostAddress());
        }
    }

    private void relay(Socket client, InetAddress from) {
        live.add(client);
        Socket server = new Socket();
        try {
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            server.connect(backend, (int) BACKEND_CONNECT.toMillis());
            SocketAddress relayEnd = server.getLocalSocketAddress();
            clients.put(relayEnd, (InetSocketAddress) client.getRemoteSocketAddress());
            try {
                Thread up = Thread.ofVirtual().name(name + "-relay-up").start(() -> upstream(client, server));
                copy(server, client); // the server's end (its answer, or its close after the time limit) ends both
                closeQuietly(server);
                closeQuietly(client);
                up.join();
            } finally {
                clients.remove(relayEnd);
            }
        } catch (IOException e) {
            LOG.debug("{}: relay for {} ended: {}", name, from.getHostAddress(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(server);
            closeQuietly(client);
            live.remove(client);
            release(from);
        }
    }

    /**
     * Client to server; the client's end of stream or an error closes the server's side at once, as
     * a reverse proxy aborts the upstream exchange when its client goes away. A half close would
     * leave a streaming answer (the console's event stream) holding its place at the gate until the
     * server next wrote, and a browser that reloads a page opens a new stream each time: ConsoleIT
     * ran a browser into the per-address limit that way.
     */
    private static void upstream(Socket client, Socket server) {
        try {
            copy(client, server);
        } catch (IOException e) {
            // the client's side failed: the same as its end of stream
        }
        closeQuietly(server);
    }

    private static void copy(Socket from, Socket to) throws IOException {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        byte[] buffer = new byte[BUFFER_BYTES];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** Stops accepting and closes every relayed connection. */
    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            LOG.debug("{}: closing the listener: {}", name, e.toString());
        }
        live.forEach(ConnectionGate::closeQuietly);
        try {
            acceptor.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
