package org.parley.ais;

import java.util.List;

/**
 * Message 20: data link management (ITU-R M.1371-5 Annex 8 §3.18, Table 59): four reservation
 * blocks of 30 bits starting at bit 40; blocks beyond the message length are all zero.
 */
public record DataLinkManagement(int repeat, int mmsi, List<SlotReservation> reservations) implements AisMessage {
    public DataLinkManagement {
        Check.unsigned(repeat, 2, "repeat");
        Check.unsigned(mmsi, 30, "mmsi");
        reservations = List.copyOf(reservations);
        if (reservations.size() != 4) {
            throw new IllegalArgumentException("reservations must have 4 blocks: " + reservations.size());
        }
    }

    static DataLinkManagement read(Bits b) {
        SlotReservation[] blocks = new SlotReservation[4];
        for (int i = 0; i < 4; i++) {
            int s = 40 + 30 * i;
            blocks[i] = new SlotReservation(
                    b.unsigned(s, 12), b.unsigned(s + 12, 4), b.unsigned(s + 16, 3), b.unsigned(s + 19, 11));
        }
        return new DataLinkManagement(b.unsigned(6, 2), b.unsigned(8, 30), List.of(blocks));
    }

    @Override
    public int messageType() {
        return 20;
    }
}
