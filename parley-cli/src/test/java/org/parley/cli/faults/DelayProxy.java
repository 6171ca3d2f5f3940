package org.parley.cli.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A userspace TCP relay that holds every chunk of bytes, in each direction, for a random delay
 * (mean ± jitter, uniform) before passing it on, keeping byte order as TCP must. It stands in for
 * {@code tc netem delay 500ms 200ms}, which this kernel lacks (no sch_netem). Unlike netem it delays
 * chunks the relay reads, not IP packets, so it cannot reorder packets; the loss the kernel
 * injects on the wire (nftables) still makes TCP retransmit and reassemble out of order.
 *
 * <p>Run as its own process inside a namespace: {@code DelayProxy listenHost listenPort targetHost
 * targetPort meanMillis jitterMillis}.
 */
public final class DelayProxy {
    private static final byte[] EOF = new byte[0];

    private DelayProxy() {}

    public static void main(String[] args) throws IOException {
        InetSocketAddress listen = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
        InetSocketAddress target = new InetSocketAddress(args[2], Integer.parseInt(args[3]));
        long mean = Long.parseLong(args[4]);
        long jitter = Long.parseLong(args[5]);
        SplittableRandom seeds = new SplittableRandom();
        try (ServerSocket server = new ServerSocket()) {
            server.bind(listen);
            System.out.println("DelayProxy " + listen + " -> " + target + " delay " + mean + " ± " + jitter + " ms");
            while (true) {
                Socket in = server.accept();
                SplittableRandom random = seeds.split();
                Thread.ofVirtual().start(() -> relay(in, target, mean, jitter, random));
            }
        }
    }

    private static void relay(Socket in, InetSocketAddress target, long mean, long jitter, SplittableRandom random) {
        try (Socket out = new Socket()) {
            out.connect(target, 5000);
            in.setTcpNoDelay(true);
            out.setTcpNoDelay(true);
            Thread back = Thread.ofVirtual().start(() -> pump(out, in, mean, jitter, random.split()));
            pump(in, out, mean, jitter, random);
            back.join();
        } catch (IOException | InterruptedException e) {
            // the connection ends; the client sees it closed, as after any network failure
        } finally {
            try {
                in.close();
            } catch (IOException e) {
                // closing
            }
        }
    }

    /** Reads chunks from {@code from}, delivers each to {@code to} at its due time, in order. */
    private static void pump(Socket from, Socket to, long mean, long jitter, SplittableRandom random) {
        BlockingQueue<Object[]> queue = new LinkedBlockingQueue<>();
        Thread writer = Thread.ofVirtual().start(() -> write(queue, to));
        long lastDue = 0;
        try (InputStream input = from.getInputStream()) {
            byte[] buffer = new byte[16 * 1024];
            int n;
            while ((n = input.read(buffer)) >= 0) {
                long delay = mean - jitter + random.nextLong(2 * jitter + 1);
                lastDue = Math.max(lastDue, System.nanoTime() + delay * 1_000_000);
                queue.add(new Object[] {Arrays.copyOf(buffer, n), lastDue});
            }
        } catch (IOException e) {
            // the reading side failed: pass on what is queued, then close
        }
        queue.add(new Object[] {EOF, lastDue});
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void write(BlockingQueue<Object[]> queue, Socket to) {
        try {
            OutputStream output = to.getOutputStream();
            while (true) {
                Object[] item = queue.take();
                byte[] bytes = (byte[]) item[0];
                long wait = (long) item[1] - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                if (bytes == EOF) {
                    to.shutdownOutput();
                    return;
                }
                output.write(bytes);
                output.flush();
            }
        } catch (IOException | InterruptedException e) {
            try {
                to.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}
