package org.parley.ais;

/**
 * Message 24: static data report (ITU-R M.1371-5 Annex 8 §3.22, Tables 64-66), sent in two parts.
 *
 * <pre>
 * Part A: 38-39 part 0 | 40-159 name (20)
 * Part B: 38-39 part 1 | 40-47 ship type | 48-89 vendor id (7 chars; per M.1371-4+ 3 chars
 *         + 4-bit model 66-69 + 20-bit serial 70-89) | 90-131 call sign | 132-161 dimensions, or
 *         mothership MMSI for auxiliary craft (MMSI 98XXXYYYY)
 * </pre>
 */
public sealed interface StaticDataReport extends AisMessage permits StaticDataReport.PartA, StaticDataReport.PartB {
    @Override
    default int messageType() {
        return 24;
    }

    /** Part A: the name. */
    record PartA(int repeat, int mmsi, String shipName) implements StaticDataReport {
        public PartA {
            Check.unsigned(repeat, 2, "repeat");
            Check.unsigned(mmsi, 30, "mmsi");
            Check.text(shipName, 20, "shipName");
        }
    }

    /** Part B: type, vendor, call sign and either dimensions or the mothership's MMSI. */
    record PartB(
            int repeat,
            int mmsi,
            int shipType,
            String vendorId,
            int unitModel,
            int serialNumber,
            String callsign,
            ShipDimensions dimensions,
            int mothershipMmsi)
            implements StaticDataReport {
        public PartB {
            Check.unsigned(repeat, 2, "repeat");
            Check.unsigned(mmsi, 30, "mmsi");
            Check.unsigned(shipType, 8, "shipType");
            Check.text(vendorId, 7, "vendorId");
            Check.unsigned(unitModel, 4, "unitModel");
            Check.unsigned(serialNumber, 20, "serialNumber");
            Check.text(callsign, 7, "callsign");
            Check.unsigned(mothershipMmsi, 30, "mothershipMmsi");
        }

        /** ITU-R M.585 §3: auxiliary craft associated with a parent ship have MMSI 98MIDXXXX. */
        public boolean isAuxiliaryCraft() {
            return mmsi / 10_000_000 == 98;
        }
    }

    static StaticDataReport read(Bits b) {
        int repeat = b.unsigned(6, 2);
        int mmsi = b.unsigned(8, 30);
        if (b.unsigned(38, 2) == 0) {
            return new PartA(repeat, mmsi, b.text(40, 20));
        }
        boolean auxiliary = mmsi / 10_000_000 == 98;
        return new PartB(
                repeat,
                mmsi,
                b.unsigned(40, 8),
                b.text(48, 7),
                b.unsigned(66, 4),
                b.unsigned(70, 20),
                b.text(90, 7),
                auxiliary ? new ShipDimensions(0, 0, 0, 0) : ShipDimensions.read(b, 132),
                auxiliary ? b.unsigned(132, 30) : 0);
    }
}
