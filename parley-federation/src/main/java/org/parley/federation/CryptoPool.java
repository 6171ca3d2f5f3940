package org.parley.federation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Spreads a batch's signature work (verify, sign) over the machine's cores (issue 8): one Ed25519
 * operation is pure CPU, and a batch of 256 on one thread left the second core idle. Small batches,
 * such as a lone FLASH, run on the caller's thread so they pay no hand-off.
 */
final class CryptoPool implements AutoCloseable {
    /** Below this many items the hand-off costs more than it saves. */
    static final int INLINE_BELOW = 8;

    private final int threads;
    private final ExecutorService pool;

    CryptoPool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("a crypto pool needs at least one thread, not " + threads);
        }
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(
                threads,
                // Bulk priority (issue 20): a FLASH's signature work runs on its own thread (below
                // INLINE_BELOW), so the pool's threads only ever do a bulk batch's.
                LanePriority.threads("federation-crypto-", LanePriority.BULK));
    }

    /** One thread per available processor. */
    static CryptoPool perProcessor() {
        return new CryptoPool(Runtime.getRuntime().availableProcessors());
    }

    /**
     * {@code f} applied to each item, results in item order; contiguous slices run in parallel. A
     * runtime exception from {@code f} is rethrown here.
     */
    <T, R> List<R> map(List<T> items, Function<T, R> f) {
        if (items.size() < INLINE_BELOW || threads == 1) {
            return items.stream().map(f).toList();
        }
        int slices = Math.min(threads, items.size());
        int size = (items.size() + slices - 1) / slices;
        List<Future<List<R>>> futures = new ArrayList<>(slices);
        for (int from = 0; from < items.size(); from += size) {
            List<T> slice = items.subList(from, Math.min(items.size(), from + size));
            futures.add(pool.submit(() -> slice.stream().map(f).toList()));
        }
        List<R> results = new ArrayList<>(items.size());
        try {
            for (Future<List<R>> future : futures) {
                results.addAll(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            futures.forEach(future -> future.cancel(true));
            throw new CancellationException("interrupted while waiting for signature work");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("signature work failed", e.getCause());
        }
        return results;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
