package org.parley.ais.gpsd;

/**
 * The "_text" legends gpsd prints beside coded fields. The codes are ITU-R M.1371-5's; the wording is
 * gpsd's, so that our output compares equal with {@code gpsdecode -j} as text too.
 */
final class Legends {
    private Legends() {}

    // ITU-R M.1371-5 Table 45, navigational status codes 0..15.
    private static final String[] NAV = {
        "Under way using engine",
        "At anchor",
        "Not under command",
        "Restricted manoeuverability",
        "Constrained by her draught",
        "Moored",
        "Aground",
        "Engaged in fishing",
        "Under way sailing",
        "Reserved for HSC",
        "Reserved for WIG",
        "Reserved",
        "Reserved",
        "Reserved",
        "Reserved",
        "Not defined"
    };

    // ITU-R M.1371-5 Table 51 (type of electronic position fixing device).
    private static final String[] EPFD = {
        "Undefined",
        "GPS",
        "GLONASS",
        "Combined GPS/GLONASS",
        "Loran-C",
        "Chayka",
        "Integrated navigation system",
        "Surveyed",
        "Galileo"
    };

    // ITU-R M.1371-5 Table 74 (type of aids to navigation).
    private static final String[] AID = {
        "Unspecified",
        "Reference point",
        "RACON",
        "Fixed offshore structure",
        "Spare, Reserved for future use.",
        "Light, without sectors",
        "Light, with sectors",
        "Leading Light Front",
        "Leading Light Rear",
        "Beacon, Cardinal N",
        "Beacon, Cardinal E",
        "Beacon, Cardinal S",
        "Beacon, Cardinal W",
        "Beacon, Port hand",
        "Beacon, Starboard hand",
        "Beacon, Preferred Channel port hand",
        "Beacon, Preferred Channel starboard hand",
        "Beacon, Isolated danger",
        "Beacon, Safe water",
        "Beacon, Special mark",
        "Cardinal Mark N",
        "Cardinal Mark E",
        "Cardinal Mark S",
        "Cardinal Mark W",
        "Port hand Mark",
        "Starboard hand Mark",
        "Preferred Channel Port hand",
        "Preferred Channel Starboard hand",
        "Isolated danger",
        "Safe Water",
        "Special Mark",
        "Light Vessel / LANBY / Rigs"
    };

    // ITU-R M.1371-5 Table 62 (station types of message 23).
    private static final String[] STATION = {
        "All types of mobiles",
        "Reserved for future use",
        "All types of Class B mobile stations",
        "SAR airborne mobile station",
        "Aid to Navigation station",
        "Class B shipborne mobile station",
        "Regional use and inland waterways",
        "Regional use and inland waterways",
        "Regional use and inland waterways",
        "Regional use and inland waterways",
        "Reserved for future use",
        "Reserved for future use",
        "Reserved for future use",
        "Reserved for future use",
        "Reserved for future use",
        "Reserved for future use"
    };

    // ITU-R M.1371-5 Table 53: second digit of ship types 20-29, 40-49, 60-99.
    private static final String[] CATEGORY_DETAIL = {
        "all ships of this type", "Hazardous category A", "Hazardous category B", "Hazardous category C",
        "Hazardous category D", "Reserved for future use", "Reserved for future use", "Reserved for future use",
        "Reserved for future use", "No additional information"
    };

    // Table 53: types 30-39 and 50-59 name the vessel's activity directly.
    private static final String[] ACTIVITY_30 = {
        "Fishing",
        "Towing",
        "Towing: length exceeds 200m or breadth exceeds 25m",
        "Dredging or underwater ops",
        "Diving ops",
        "Military ops",
        "Sailing",
        "Pleasure Craft",
        "Reserved",
        "Reserved"
    };
    private static final String[] ACTIVITY_50 = {
        "Pilot Vessel",
        "Search and Rescue vessel",
        "Tug",
        "Port Tender",
        "Anti-pollution equipment",
        "Law Enforcement",
        "Spare - Local Vessel",
        "Spare - Local Vessel",
        "Medical Transport",
        "Ship according to RR Resolution No. 18"
    };

    static String navigationStatus(int code) {
        return NAV[code & 15];
    }

    static String epfd(int code) {
        if (code < EPFD.length) {
            return EPFD[code];
        }
        return code < 15 ? "Reserved (" + code + ")" : "INVALID EPFD";
    }

    static String aidType(int code) {
        return code < AID.length ? AID[code] : "INVALID NAVAID TYPE";
    }

    static String stationType(int code) {
        return code < STATION.length ? STATION[code] : "INVALID STATION TYPE";
    }

    private static final String[] SHIP_TYPES = new String[256];

    static {
        for (int i = 0; i < SHIP_TYPES.length; i++) {
            SHIP_TYPES[i] = composeShipType(i);
        }
    }

    static String shipType(int code) {
        return code >= 0 && code < SHIP_TYPES.length ? SHIP_TYPES[code] : "INVALID SHIP TYPE";
    }

    private static String composeShipType(int code) {
        if (code == 0) {
            return "Not available";
        }
        if (code < 20 || code > 99) {
            return code < 20 ? "Reserved for future use" : "INVALID SHIP TYPE";
        }
        int tens = code / 10;
        int unit = code % 10;
        return switch (tens) {
            case 2 -> "Wing in ground (WIG) - " + (unit < 5 ? CATEGORY_DETAIL[unit] : "Reserved for future use");
            case 3 -> ACTIVITY_30[unit];
            case 4 -> "High speed craft (HSC) - " + CATEGORY_DETAIL[unit];
            case 5 -> ACTIVITY_50[unit];
            case 6 -> "Passenger - " + CATEGORY_DETAIL[unit];
            case 7 -> "Cargo - " + CATEGORY_DETAIL[unit];
            case 8 -> "Tanker - " + CATEGORY_DETAIL[unit];
            default -> "Other Type - " + (unit == 9 ? "no additional information" : CATEGORY_DETAIL[unit]);
        };
    }
}
