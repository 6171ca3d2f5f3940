package org.parley.encounter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The open encounters (V) by pair, keyed by the two targets' numeric keys (both >= 0): open addressing
 * with linear probing over plain arrays. A sweep of 200k ships looks up about 700k pairs, most of
 * them open; a {@code HashMap} follows a node and a key object for each (two cache misses on
 * half a million entries), this reads the two keys side by side in one array and then the value.
 *
 * <p>Not thread-safe for writes; concurrent {@link #get} calls are safe while nobody writes (the
 * sweep workers read, the engine's thread writes between sweeps).
 */
final class OpenEncounters<V> {
    private static final long EMPTY = -1;
    private static final int MIN_CAPACITY = 16;

    /** Entry i has keys[2i] and keys[2i + 1]; keys[2i] == EMPTY marks a free entry. */
    private long[] keys;

    /** Values by entry: only V or null (an array of a type variable cannot be created). */
    private @Nullable Object[] values;

    private int size;
    private int mask;

    OpenEncounters() {
        allocate(MIN_CAPACITY);
    }

    private void allocate(int capacity) {
        keys = new long[2 * capacity];
        Arrays.fill(keys, EMPTY);
        values = new Object[capacity];
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked") // only put() stores values, and only V
    @Nullable
    V get(long a, long b) {
        for (int i = home(a, b); ; i = (i + 1) & mask) {
            long ka = keys[2 * i];
            if (ka == EMPTY) {
                return null;
            }
            if (ka == a && keys[2 * i + 1] == b) {
                return (V) values[i];
            }
        }
    }

    /** Adds or replaces the encounter of a pair. */
    void put(long a, long b, V e) {
        if (a < 0 || b < 0) {
            throw new IllegalArgumentException("keys must be >= 0: " + a + ", " + b);
        }
        if (2 * (size + 1) > values.length) {
            grow();
        }
        int i = home(a, b);
        while (keys[2 * i] != EMPTY && !(keys[2 * i] == a && keys[2 * i + 1] == b)) {
            i = (i + 1) & mask;
        }
        if (keys[2 * i] == EMPTY) {
            size++;
        }
        keys[2 * i] = a;
        keys[2 * i + 1] = b;
        values[i] = e;
    }

    /** Removes a pair; false when it was not there. */
    boolean remove(long a, long b) {
        int i = home(a, b);
        while (true) {
            long ka = keys[2 * i];
            if (ka == EMPTY) {
                return false;
            }
            if (ka == a && keys[2 * i + 1] == b) {
                break;
            }
            i = (i + 1) & mask;
        }
        // Backward shift (no tombstones): later entries of the same run move into the hole when
        // their home does not lie cyclically in (hole, their place].
        int hole = i;
        for (int j = (hole + 1) & mask; keys[2 * j] != EMPTY; j = (j + 1) & mask) {
            int h = home(keys[2 * j], keys[2 * j + 1]);
            boolean stays = hole <= j ? hole < h && h <= j : hole < h || h <= j;
            if (!stays) {
                keys[2 * hole] = keys[2 * j];
                keys[2 * hole + 1] = keys[2 * j + 1];
                values[hole] = values[j];
                hole = j;
            }
        }
        keys[2 * hole] = EMPTY;
        keys[2 * hole + 1] = EMPTY;
        values[hole] = null;
        size--;
        return true;
    }

    /** The encounters, in table order (the same for the same history of calls). */
    @SuppressWarnings("unchecked") // only put() stores values, and only V
    List<V> values() {
        List<V> out = new ArrayList<>(size);
        for (Object e : values) {
            if (e != null) {
                out.add((V) e);
            }
        }
        return out;
    }

    private void grow() {
        long[] oldKeys = keys;
        @Nullable Object[] oldValues = values;
        allocate(oldValues.length * 2);
        for (int i = 0; i < oldValues.length; i++) {
            Object e = oldValues[i];
            if (e != null) {
                insertNew(oldKeys[2 * i], oldKeys[2 * i + 1], e);
            }
        }
    }

    private void insertNew(long a, long b, Object e) {
        int i = home(a, b);
        while (keys[2 * i] != EMPTY) {
            i = (i + 1) & mask;
        }
        keys[2 * i] = a;
        keys[2 * i + 1] = b;
        values[i] = e;
    }

    /** Fibonacci hashing of both keys: consecutive identities spread over the table. */
    private int home(long a, long b) {
        long h = (a * 0x9E3779B97F4A7C15L) ^ (b * 0xC2B2AE3D27D4EB4FL);
        h ^= h >>> 29;
        h *= 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & mask;
    }
}
