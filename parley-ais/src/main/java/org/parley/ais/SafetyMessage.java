package org.parley.ais;

/**
 * Messages 12 (addressed safety related, §3.10: 38-39 sequence, 40-69 destination, 70 retransmit,
 * 72.. text) and 14 (broadcast safety related, §3.12: 40.. text). For type 14 the addressing fields
 * are 0/false.
 */
public record SafetyMessage(
        int messageType, int repeat, int mmsi, int sequenceNumber, int destinationMmsi, boolean retransmit, String text)
        implements AisMessage {
    public SafetyMessage {
        Check.messageType(messageType, 12, 14);
        Check.unsigned(repeat, 2, "repeat");
        Check.unsigned(mmsi, 30, "mmsi");
        Check.unsigned(sequenceNumber, 2, "sequenceNumber");
        Check.unsigned(destinationMmsi, 30, "destinationMmsi");
        Check.text(text, 161, "text");
    }
}
