package org.parley.ais.encode;

import java.util.ArrayList;
import java.util.List;
import org.parley.ais.AisMessage;
import org.parley.ais.ClassAPositionReport;
import org.parley.ais.ClassBExtendedReport;
import org.parley.ais.ClassBPositionReport;
import org.parley.ais.ShipDimensions;
import org.parley.ais.StaticDataReport;
import org.parley.ais.StaticVoyageData;

/**
 * Encodes messages 1/2/3, 5, 18, 19 and 24 into {@code !AIVDM} sentences (IEC 61162-1 §8.3.88),
 * with the bit layouts of ITU-R M.1371-5 Annex 8 that {@link org.parley.ais.AisDecoder} reads.
 * Long payloads are split into fragments of at most 60 characters sharing a sequence id.
 */
public final class AisEncoder {
    private static final int MAX_PAYLOAD_CHARS = 60;

    private AisEncoder() {}

    /**
     * The sentences for one message on {@code channel} ('A' or 'B'); {@code sequenceId} (0..9) is
     * used only when the message needs more than one sentence.
     *
     * @throws IllegalArgumentException for a message type this encoder does not write
     */
    public static List<String> encode(AisMessage message, char channel, int sequenceId) {
        if (sequenceId < 0 || sequenceId > 9) {
            throw new IllegalArgumentException("sequenceId must be 0..9: " + sequenceId);
        }
        BitWriter w = new BitWriter();
        w.put(message.messageType(), 6).put(message.repeat(), 2).put(message.mmsi(), 30);
        switch (message) {
            case ClassAPositionReport m -> classA(w, m);
            case StaticVoyageData m -> voyage(w, m);
            case ClassBPositionReport m -> classB(w, m);
            case ClassBExtendedReport m -> classBExtended(w, m);
            case StaticDataReport.PartA m -> w.put(0, 2).text(m.shipName(), 20).put(0, 8);
            case StaticDataReport.PartB m -> partB(w, m);
            default ->
                throw new IllegalArgumentException(
                        "AisEncoder writes types 1/2/3/5/18/19/24, not " + message.messageType());
        }
        return sentences(w, channel, sequenceId);
    }

    private static void classA(BitWriter w, ClassAPositionReport m) {
        w.put(m.navigationStatusCode(), 4)
                .put(m.rawTurn(), 8)
                .put(m.rawSpeed(), 10)
                .flag(m.accuracy());
        w.put(m.rawLongitude(), 28)
                .put(m.rawLatitude(), 27)
                .put(m.rawCourse(), 12)
                .put(m.rawHeading(), 9);
        w.put(m.timestampSecond(), 6)
                .put(m.manoeuvre(), 2)
                .put(m.spare(), 3)
                .flag(m.raim())
                .put(m.radio(), 19);
    }

    private static void voyage(BitWriter w, StaticVoyageData m) {
        w.put(m.aisVersion(), 2).put(m.imo(), 30).text(m.callsign(), 7).text(m.shipName(), 20);
        w.put(m.shipType(), 8);
        dimensions(w, m.dimensions());
        w.put(m.epfd(), 4)
                .put(m.etaMonth(), 4)
                .put(m.etaDay(), 5)
                .put(m.etaHour(), 5)
                .put(m.etaMinute(), 6);
        w.put(m.rawDraught(), 8).text(m.destination(), 20).flag(m.dte()).put(0, 1);
    }

    private static void classB(BitWriter w, ClassBPositionReport m) {
        w.put(m.reserved(), 8).put(m.rawSpeed(), 10).flag(m.accuracy()).put(m.rawLongitude(), 28);
        w.put(m.rawLatitude(), 27).put(m.rawCourse(), 12).put(m.rawHeading(), 9).put(m.timestampSecond(), 6);
        w.put(m.regional(), 2)
                .flag(m.carrierSense())
                .flag(m.display())
                .flag(m.dsc())
                .flag(m.band());
        w.flag(m.message22()).flag(m.assigned()).flag(m.raim()).put(m.radio(), 20);
    }

    private static void classBExtended(BitWriter w, ClassBExtendedReport m) {
        w.put(m.reserved(), 8).put(m.rawSpeed(), 10).flag(m.accuracy()).put(m.rawLongitude(), 28);
        w.put(m.rawLatitude(), 27).put(m.rawCourse(), 12).put(m.rawHeading(), 9).put(m.timestampSecond(), 6);
        w.put(m.regional(), 4).text(m.shipName(), 20).put(m.shipType(), 8);
        dimensions(w, m.dimensions());
        w.put(m.epfd(), 4).flag(m.raim()).flag(m.dte()).flag(m.assigned()).put(0, 4);
    }

    private static void partB(BitWriter w, StaticDataReport.PartB m) {
        // The 42 bits after the ship type are the 7-character vendor id of M.1371-3; from M.1371-4 on its
        // last 24 bits are the unit model and serial number, which the decoder reads from the same bits.
        w.put(1, 2).put(m.shipType(), 8).text(m.vendorId(), 7);
        w.text(m.callsign(), 7);
        if (m.isAuxiliaryCraft()) {
            w.put(m.mothershipMmsi(), 30);
        } else {
            dimensions(w, m.dimensions());
        }
        w.put(0, 6);
    }

    private static void dimensions(BitWriter w, ShipDimensions d) {
        w.put(d.toBowMetres(), 9)
                .put(d.toSternMetres(), 9)
                .put(d.toPortMetres(), 6)
                .put(d.toStarboardMetres(), 6);
    }

    private static List<String> sentences(BitWriter w, char channel, int sequenceId) {
        String payload = w.armour();
        int count = (payload.length() + MAX_PAYLOAD_CHARS - 1) / MAX_PAYLOAD_CHARS;
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String part =
                    payload.substring(i * MAX_PAYLOAD_CHARS, Math.min(payload.length(), (i + 1) * MAX_PAYLOAD_CHARS));
            int fill = i == count - 1 ? w.fillBits() : 0;
            String body = "AIVDM," + count + "," + (i + 1) + "," + (count > 1 ? Integer.toString(sequenceId) : "") + ","
                    + channel + "," + part + "," + fill;
            out.add("!" + body + "*" + checksum(body));
        }
        return out;
    }

    /** IEC 61162-1 §7.2.3: XOR of the characters between '!' and '*', two upper-case hex digits. */
    private static String checksum(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum ^= body.charAt(i);
        }
        return String.format("%02X", sum);
    }
}
