package org.parley.ais;

/**
 * Messages 25 (single slot binary, §3.23, Table 67) and 26 (multiple slot binary with radio status,
 * §3.24, Table 69): 38 addressed | 39 structured | [40-69 destination] | [16-bit application id]
 * | data | (type 26 only) last 20 bits radio status.
 */
public record SlotBinary(
        int messageType,
        int repeat,
        int mmsi,
        boolean addressed,
        boolean structured,
        int destinationMmsi,
        int applicationId,
        BinaryData data,
        int radio)
        implements AisMessage {
    public SlotBinary {
        Check.messageType(messageType, 25, 26);
        Check.unsigned(repeat, 2, "repeat");
        Check.unsigned(mmsi, 30, "mmsi");
        Check.unsigned(destinationMmsi, 30, "destinationMmsi");
        Check.unsigned(applicationId, 16, "applicationId");
        Check.unsigned(radio, 20, "radio");
    }
}
