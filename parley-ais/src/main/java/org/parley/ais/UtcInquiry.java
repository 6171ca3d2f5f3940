package org.parley.ais;

/** Message 10: UTC and date inquiry (ITU-R M.1371-5 Annex 8 §3.8): 40-69 destination MMSI. */
public record UtcInquiry(int repeat, int mmsi, int destinationMmsi) implements AisMessage {
    public UtcInquiry {
        Check.unsigned(repeat, 2, "repeat");
        Check.unsigned(mmsi, 30, "mmsi");
        Check.unsigned(destinationMmsi, 30, "destinationMmsi");
    }

    @Override
    public int messageType() {
        return 10;
    }
}
