package org.parley.ais;

import java.util.ArrayList;
import java.util.List;

/**
 * Tidal window, message 6 DAC 1 FI 14 (IMO SN.1/Circ.236 Annex 2 §6: 93-bit windows, positions in
 * 1/10000 minute, speed 7 bits) or FI 32 (SN.1/Circ.289 §6: 88-bit windows, positions in 1/1000
 * minute, speed 8 bits). 88-91 month | 92-96 day | 97.. windows.
 */
public record TidalWindowData(int fid, int month, int day, List<TidalWindow> windows) implements ApplicationData {
    public TidalWindowData {
        if (fid != 14 && fid != 32) {
            throw new IllegalArgumentException("fid must be 14 or 32: " + fid);
        }
        windows = List.copyOf(windows);
    }

    static TidalWindowData read(Bits b, int fid) {
        boolean old = fid == 14;
        int size = old ? 93 : 88;
        List<TidalWindow> windows = new ArrayList<>();
        // Like gpsd, a window starting at or before the last bit counts (the first one always does).
        for (int at = 97; at <= b.length() && windows.size() < 32; at += size) {
            windows.add(old ? window14(b, at) : window32(b, at));
        }
        return new TidalWindowData(fid, b.unsigned(88, 4), b.unsigned(92, 5), windows);
    }

    private static TidalWindow window14(Bits b, int a) {
        return new TidalWindow(
                b.signed(a + 27, 28),
                b.signed(a, 27),
                b.unsigned(a + 55, 5),
                b.unsigned(a + 60, 6),
                b.unsigned(a + 66, 5),
                b.unsigned(a + 71, 6),
                b.unsigned(a + 77, 9),
                b.unsigned(a + 86, 7));
    }

    private static TidalWindow window32(Bits b, int a) {
        return new TidalWindow(
                b.signed(a, 25),
                b.signed(a + 25, 24),
                b.unsigned(a + 49, 5),
                b.unsigned(a + 54, 6),
                b.unsigned(a + 60, 5),
                b.unsigned(a + 65, 6),
                b.unsigned(a + 71, 9),
                b.unsigned(a + 80, 8));
    }
}
