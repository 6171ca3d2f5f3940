package org.parley.encounter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parley.track.TargetId;

/**
 * Target identity to state: the MID inside an MMSI (ITU-R M.585-9 Annex 1) or the ICAO 24-bit
 * address block (ICAO Annex 10 Vol III Part I Chapter 9, Table 9-1). Both tables are resource files
 * that name their source.
 */
final class StateTables {
    private static final StateTables DEFAULT = load();

    private final Map<Integer, String> stateOfMid;
    private final int[] blockFirst;
    private final int[] blockLast;
    private final String[] blockState;

    private StateTables(Map<Integer, String> stateOfMid, int[] first, int[] last, String[] state) {
        this.stateOfMid = stateOfMid;
        this.blockFirst = first;
        this.blockLast = last;
        this.blockState = state;
    }

    static StateTables standard() {
        return DEFAULT;
    }

    /** The state (ISO 3166-1 alpha-2) a target is registered to, when its identity says so. */
    Optional<String> stateOf(TargetId id) {
        return switch (id) {
            case TargetId.Mmsi m -> mid(m.value()).map(stateOfMid::get);
            case TargetId.IcaoAddress a -> block(a.value());
        };
    }

    /**
     * The MID of an MMSI per the formats of ITU-R M.585-9 Annex 1: ship MIDXXXXXX, group 0MIDXXXXX,
     * coast station 00MIDXXXX, SAR aircraft 111MIDXXX, handheld 8MIDXXXXX, craft associated with a
     * parent ship 98MIDXXXX, AtoN 99MIDXXXX. AIS-SART (970), MOB (972) and EPIRB-AIS (974) carry a
     * manufacturer id, not a MID: no state.
     */
    static Optional<Integer> mid(int mmsi) {
        String d = String.format("%09d", mmsi);
        char first = d.charAt(0);
        if (first >= '2' && first <= '7') {
            return Optional.of(Integer.parseInt(d.substring(0, 3)));
        }
        if (d.startsWith("111")) {
            return Optional.of(Integer.parseInt(d.substring(3, 6)));
        }
        if (d.startsWith("00")) {
            return Optional.of(Integer.parseInt(d.substring(2, 5)));
        }
        if (first == '0' || first == '8') {
            return Optional.of(Integer.parseInt(d.substring(1, 4)));
        }
        if (d.startsWith("98") || d.startsWith("99")) {
            return Optional.of(Integer.parseInt(d.substring(2, 5)));
        }
        return Optional.empty(); // 1xxxxxxxx other than 111, 97x devices, 9[0-7] reserved
    }

    private Optional<String> block(int address) {
        int i = Arrays.binarySearch(blockFirst, address);
        int candidate = i >= 0 ? i : -i - 2;
        // Blocks are disjoint except the de-facto Taiwan block, which lies outside all others.
        if (candidate >= 0 && address <= blockLast[candidate]) {
            return Optional.of(blockState[candidate]);
        }
        return Optional.empty();
    }

    private static StateTables load() {
        Map<Integer, String> mids = new HashMap<>();
        for (String[] row : rows("mid.tsv")) {
            mids.put(Integer.parseInt(row[0]), row[1]);
        }
        List<String[]> blocks = new ArrayList<>(rows("icao-blocks.tsv"));
        blocks.sort((x, y) -> Integer.compare(Integer.parseInt(x[0], 16), Integer.parseInt(y[0], 16)));
        int n = blocks.size();
        int[] first = new int[n];
        int[] last = new int[n];
        String[] state = new String[n];
        for (int i = 0; i < n; i++) {
            first[i] = Integer.parseInt(blocks.get(i)[0], 16);
            last[i] = Integer.parseInt(blocks.get(i)[1], 16);
            state[i] = blocks.get(i)[2];
        }
        return new StateTables(mids, first, last, state);
    }

    private static List<String[]> rows(String resource) {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = StateTables.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.split("\t"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return out;
    }
}
