package org.parley.ais;

/**
 * Message 6: binary addressed message (ITU-R M.1371-5 Annex 8 §3.4, Table 49).
 *
 * <pre>
 * 38-39 sequence | 40-69 destination MMSI | 70 retransmit | 71 spare | 72-81 DAC | 82-87 FI | 88.. data
 * </pre>
 */
public record AddressedBinary(
        int repeat,
        int mmsi,
        int sequenceNumber,
        int destinationMmsi,
        boolean retransmit,
        int dac,
        int fid,
        ApplicationData data)
        implements AisMessage {
    public AddressedBinary {
        Check.unsigned(repeat, 2, "repeat");
        Check.unsigned(mmsi, 30, "mmsi");
        Check.unsigned(sequenceNumber, 2, "sequenceNumber");
        Check.unsigned(destinationMmsi, 30, "destinationMmsi");
        Check.unsigned(dac, 10, "dac");
        Check.unsigned(fid, 6, "fid");
    }

    @Override
    public int messageType() {
        return 6;
    }
}
