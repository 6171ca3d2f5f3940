package org.parley.ais;

/**
 * One decoded AIS message (ITU-R M.1371-5 Annex 8 §3). Every message starts with the same three
 * fields: message identifier, repeat indicator and the transmitting station's MMSI.
 *
 * <p>Field values are kept as transmitted (raw integers named for their unit of transmission, e.g.
 * {@code rawSpeed} in 1/10 knot) so that nothing is lost and output can match other decoders bit
 * for bit; each record also offers accessors in real units that map the "not available" sentinels
 * to empty values.
 */
public sealed interface AisMessage
        permits PositionReport,
                BaseStationReport,
                StaticVoyageData,
                AddressedBinary,
                Acknowledgement,
                BroadcastBinary,
                UtcInquiry,
                SafetyMessage,
                Interrogation,
                AssignedModeCommand,
                DgnssBroadcast,
                DataLinkManagement,
                AidToNavigationReport,
                ChannelManagement,
                GroupAssignment,
                StaticDataReport,
                SlotBinary {
    /** Message identifier, 1..27 (Table 43 of ITU-R M.1371-5 Annex 8). */
    int messageType();

    /** Repeat indicator, 0..3. */
    int repeat();

    /** Maritime Mobile Service Identity of the transmitting station (ITU-R M.585). */
    int mmsi();
}
