package org.parley.adsb;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The decoder's tracks by 24-bit address: open addressing with linear probing over an {@code int}
 * key array, so a lookup (made for every DF0/4/5/16/20/21 frame, most of which name an address
 * never confirmed) neither boxes the key nor follows a node. Keys are stored plus one, so 0 marks
 * an empty slot. Removal rebuilds the table ({@link #removeStale}), which the decoder does at most
 * every ten seconds: no tombstones.
 */
final class AddressTable {
    private static final int MIN_CAPACITY = 256;

    private int[] keys = new int[MIN_CAPACITY];
    private @Nullable Track[] tracks = new Track[MIN_CAPACITY];
    private int size;

    /** The track of {@code address} (24 bits), or null. */
    @Nullable
    Track get(int address) {
        int[] k = keys;
        int mask = k.length - 1;
        int stored = address + 1;
        for (int i = mix(address) & mask; ; i = (i + 1) & mask) {
            int key = k[i];
            if (key == stored) {
                return tracks[i];
            }
            if (key == 0) {
                return null;
            }
        }
    }

    /** The track of {@code address}, made if there is none. */
    Track getOrCreate(IcaoAddress address) {
        Track t = get(address.value());
        if (t == null) {
            t = new Track(address);
            put(t);
        }
        return t;
    }

    int size() {
        return size;
    }

    /** Every track, in no particular order. */
    List<Track> values() {
        List<Track> out = new ArrayList<>(size);
        for (Track t : tracks) {
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    /** Drops every track last heard more than {@code timeoutMillis} before {@code now}. */
    void removeStale(long now, long timeoutMillis) {
        int live = 0;
        for (Track t : tracks) {
            if (t != null && now - t.lastMillis <= timeoutMillis) {
                live++;
            }
        }
        if (live == size) {
            return;
        }
        @Nullable Track[] old = tracks;
        allocate(capacityFor(live));
        for (Track t : old) {
            if (t != null && now - t.lastMillis <= timeoutMillis) {
                insert(t);
            }
        }
    }

    private void put(Track t) {
        if ((size + 1) * 2 > keys.length) { // load factor at most 1/2: short probe runs
            @Nullable Track[] old = tracks;
            allocate(keys.length * 2);
            for (Track o : old) {
                if (o != null) {
                    insert(o);
                }
            }
        }
        insert(t);
    }

    private void insert(Track t) {
        int mask = keys.length - 1;
        int address = t.address.value();
        int i = mix(address) & mask;
        while (keys[i] != 0) {
            i = (i + 1) & mask;
        }
        keys[i] = address + 1;
        tracks[i] = t;
        size++;
    }

    private void allocate(int capacity) {
        keys = new int[capacity];
        tracks = new Track[capacity];
        size = 0;
    }

    private static int capacityFor(int entries) {
        int c = MIN_CAPACITY;
        while (c < entries * 2) {
            c <<= 1;
        }
        return c;
    }

    /** Spreads the address bits (a state's block shares its high bits) over the table. */
    private static int mix(int address) {
        int h = address * 0x9E3779B1;
        return h ^ (h >>> 16);
    }
}
