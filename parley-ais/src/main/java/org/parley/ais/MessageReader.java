package org.parley.ais;

import org.jspecify.annotations.Nullable;

/**
 * Turns a reassembled bit vector into a message record. Length limits follow the message tables of
 * ITU-R M.1371-5 Annex 8, widened where transmitters in the field are known to differ (e.g. type 5
 * sent as 420 or 422 bits, type 1 as 163..204 bits) so that real traffic is read as the peer
 * decoders read it.
 */
final class MessageReader {
    private MessageReader() {}

    /** The message, or null when its length does not fit its type (caller reports BAD_LENGTH). */
    static @Nullable AisMessage read(Bits b, int type) {
        int len = b.length();
        return switch (type) {
            case 1, 2, 3 -> within(len, 163, 204) ? ClassAPositionReport.read(b) : null;
            case 4, 11 -> len >= 168 ? BaseStationReport.read(b) : null;
            case 5 -> len >= 420 ? StaticVoyageData.read(b) : null;
            case 6 -> within(len, 88, 1008) ? addressedBinary(b) : null;
            case 7, 13 -> within(len, 72, 168) ? Acknowledgement.read(b) : null;
            case 8 -> within(len, 56, 1008) ? broadcastBinary(b) : null;
            case 9 -> len >= 168 ? SarAircraftReport.read(b) : null;
            case 10 -> len >= 72 ? new UtcInquiry(b.unsigned(6, 2), b.unsigned(8, 30), b.unsigned(40, 30)) : null;
            case 12 -> within(len, 72, 1008) ? safety(b, 12) : null;
            case 14 -> within(len, 40, 1008) ? safety(b, 14) : null;
            case 15 -> within(len, 88, 168) ? Interrogation.read(b) : null;
            case 16 -> within(len, 96, 168) ? AssignedModeCommand.read(b) : null;
            case 17 -> within(len, 80, 816) ? dgnss(b) : null;
            case 18 -> len >= 168 ? ClassBPositionReport.read(b) : null;
            case 19 -> len >= 312 ? ClassBExtendedReport.read(b) : null;
            case 20 -> within(len, 72, 186) ? DataLinkManagement.read(b) : null;
            case 21 -> within(len, 272, 368) ? AidToNavigationReport.read(b) : null;
            case 22 -> len >= 168 ? ChannelManagement.read(b) : null;
            case 23 -> len >= 160 ? GroupAssignment.read(b) : null;
            case 24 -> staticData(b);
            case 25 -> slotBinary(b, 25);
            case 26 -> slotBinary(b, 26);
            case 27 -> len == 96 || len == 168 ? LongRangeReport.read(b) : null;
            default -> null;
        };
    }

    private static boolean within(int len, int min, int max) {
        return len >= min && len <= max;
    }

    private static AisMessage addressedBinary(Bits b) {
        int dac = b.unsigned(72, 10);
        int fid = b.unsigned(82, 6);
        int len = b.length();
        ApplicationData data;
        if ((dac == 235 || dac == 250) && fid == 10 && len == 136) {
            data = AtonMonitoringData.read(b); // fixed-size regional message: only its exact length
        } else if (dac == 200 && fid == 55 && len == 168) {
            data = PersonsOnBoardData.read(b);
        } else if (dac == 1) {
            data = international(b, fid);
        } else {
            data = BinaryData.read(b, 88, len - 88);
        }
        return new AddressedBinary(
                b.unsigned(6, 2), b.unsigned(8, 30), b.unsigned(38, 2), b.unsigned(40, 30), b.flag(70), dac, fid, data);
    }

    /** IMO SN.1/Circ.236 and 289 addressed applications (DAC 1) that we decode; others stay raw. */
    private static ApplicationData international(Bits b, int fid) {
        return switch (fid) {
            case 12 -> DangerousCargoData.read(b);
            case 14, 32 -> TidalWindowData.read(b, fid);
            case 18 -> ClearanceTimeData.read(b);
            case 30 -> TextDescriptionData.read(b);
            default -> BinaryData.read(b, 88, b.length() - 88);
        };
    }

    private static AisMessage broadcastBinary(Bits b) {
        int dac = b.unsigned(40, 10);
        int fid = b.unsigned(50, 6);
        // IMO SN.1/Circ.236 / 289: DAC 1 FI 11 and 31 are the met/hydro broadcasts.
        ApplicationData data;
        if (dac == 1 && (fid == 11 || fid == 31)) {
            data = MeteoHydroData.read(b, fid);
        } else if (dac == 200 && fid == 10 && b.length() == 168 && b.unsigned(141, 3) <= 5) {
            // Inland static data is fixed at 168 bits; a hazard code above 5 means another layout.
            data = InlandStaticData.read(b);
        } else {
            data = BinaryData.read(b, 56, b.length() - 56);
        }
        return new BroadcastBinary(b.unsigned(6, 2), b.unsigned(8, 30), dac, fid, data);
    }

    private static AisMessage safety(Bits b, int type) {
        if (type == 14) {
            return new SafetyMessage(14, b.unsigned(6, 2), b.unsigned(8, 30), 0, 0, false, b.textToEnd(40));
        }
        return new SafetyMessage(
                12,
                b.unsigned(6, 2),
                b.unsigned(8, 30),
                b.unsigned(38, 2),
                b.unsigned(40, 30),
                b.flag(70),
                b.textToEnd(72));
    }

    private static AisMessage dgnss(Bits b) {
        return new DgnssBroadcast(
                b.unsigned(6, 2),
                b.unsigned(8, 30),
                b.signed(40, 18),
                b.signed(58, 17),
                BinaryData.read(b, 80, b.length() - 80));
    }

    private static @Nullable AisMessage staticData(Bits b) {
        int part = b.unsigned(38, 2);
        int len = b.length();
        if (part == 0) {
            return within(len, 160, 168) ? StaticDataReport.read(b) : null;
        }
        return part == 1 && len >= 168 ? StaticDataReport.read(b) : null;
    }

    /** Types 25/26: addressing and structure flags decide where the data starts (Tables 67, 69). */
    private static @Nullable AisMessage slotBinary(Bits b, int type) {
        int len = b.length();
        if (type == 25 ? !within(len, 40, 168) : !within(len, 60, 1004)) {
            return null;
        }
        boolean addressed = b.flag(38);
        boolean structured = b.flag(39);
        int radioBits = type == 26 ? 20 : 0;
        int start = 40 + (addressed ? 30 : 0);
        int dataStart = start + (structured ? 16 : 0);
        int dataBits = len - dataStart - radioBits;
        if (dataBits < 0) {
            return null;
        }
        return new SlotBinary(
                type,
                b.unsigned(6, 2),
                b.unsigned(8, 30),
                addressed,
                structured,
                addressed ? b.unsigned(40, 30) : 0,
                structured ? b.unsigned(start, 16) : 0,
                BinaryData.read(b, dataStart, dataBits),
                type == 26 ? b.unsigned(len - 20, 20) : 0);
    }
}
