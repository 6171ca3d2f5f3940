package org.parley.adsb.feed;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.parley.adsb.AdsbResult;
import org.parley.adsb.CommB;
import org.parley.adsb.ModeSMessage;

/**
 * SBS-1 BaseStation output as dump1090 writes it on port 30003, so the two can be compared line by
 * line: transmission type by DF/TC (1 ident, 2 surface, 3 airborne position, 4 velocity, 5 DF4/20,
 * 6 DF5/21, 7 DF0/16, 8 DF11), then callsign, altitude, speed, track, lat, lon, vertical rate,
 * squawk, alert, emergency, SPI and ground flags. Time fields are the receive time in UTC.
 */
final class BaseStationFormat {
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy/MM/dd,HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private BaseStationFormat() {}

    static Optional<String> format(AdsbResult.Decoded d) {
        int df = d.downlinkFormat();
        int tc = d.byteAt(4) >>> 3;
        if ((df == 17 || df == 18) && (tc == 0 || tc >= 20)) {
            // TC 20-22 (GNSS height), 23-31: no line (see fill), so the message is never made.
            return Optional.empty();
        }
        Fields f = new Fields();
        ModeSMessage m = d.message();
        int type = fill(m, f);
        if (type == 1) {
            f.ground = groundFromCapability(d);
        }
        if (type == 0) {
            return Optional.empty();
        }
        String when = DATE_TIME.format(d.receivedAt());
        StringBuilder sb = new StringBuilder(120);
        sb.append("MSG,").append(type).append(",1,1,").append(m.address().hex()).append(",1,");
        sb.append(when).append(',').append(when);
        sb.append(',').append(f.callsign);
        sb.append(',').append(f.altitude);
        sb.append(',').append(f.speed);
        sb.append(',').append(f.track);
        sb.append(',').append(f.lat).append(',').append(f.lon);
        sb.append(',').append(f.verticalRate);
        sb.append(',').append(f.squawk);
        sb.append(',').append(f.alert);
        sb.append(',').append(f.emergency);
        sb.append(',').append(f.spi);
        sb.append(',').append(f.ground);
        return Optional.of(sb.toString());
    }

    /** Mutable scratch for the 12 data fields; empty string = field absent. */
    private static final class Fields {
        String callsign = "";
        String altitude = "";
        String speed = "";
        String track = "";
        String lat = "";
        String lon = "";
        String verticalRate = "";
        String squawk = "";
        String alert = "";
        String emergency = "";
        String spi = "";
        String ground = "";

        void altitude(OptionalInt feet) {
            feet.ifPresent(a -> altitude = Integer.toString(a));
        }

        void squawk(Optional<String> code) {
            code.ifPresent(s -> {
                squawk = s;
                emergency = s.equals("7500") || s.equals("7600") || s.equals("7700") ? "-1" : "0";
            });
        }

        /**
         * Annex 10 Vol IV §3.1.2.6.5.1 flight status: 2-4 alert, 4-5 SPI, 1 and 3 on the ground.
         * FS 0/2 claim "airborne" but transponders that never set the on-ground input send them
         * too, so (like dump1090) only "on the ground" is reported.
         */
        void flightStatus(int fs) {
            if (fs >= 0) {
                alert = fs >= 2 && fs <= 4 ? "-1" : "0";
                spi = fs == 4 || fs == 5 ? "-1" : "0";
                ground = fs == 1 || fs == 3 ? "-1" : "";
            }
        }

        void position(ModeSMessage m) {
            Optional<org.parley.adsb.GeoPosition> p = switch (m) {
                case ModeSMessage.AirbornePosition a -> a.position();
                case ModeSMessage.SurfacePosition s -> s.position();
                default -> Optional.empty();
            };
            p.ifPresent(g -> {
                lat = String.format(java.util.Locale.ROOT, "%1.5f", g.latitudeDegrees());
                lon = String.format(java.util.Locale.ROOT, "%1.5f", g.longitudeDegrees());
            });
        }
    }

    /** Whole knots, truncated as dump1090 does. */
    private static String whole(OptionalDouble v) {
        return v.isPresent() ? Integer.toString((int) v.getAsDouble()) : "";
    }

    /** Whole degrees in [0, 360), rounded to nearest. */
    private static String degrees(OptionalDouble v) {
        return v.isPresent() ? Long.toString(Math.round(v.getAsDouble()) % 360) : "";
    }

    /** Annex 10 Vol IV §3.1.2.5.2.2.1 capability: 4 on the ground, 5 airborne, else unknown. */
    private static String groundFromCapability(AdsbResult.Decoded d) {
        int ca = d.byteAt(0) & 0x07;
        return ca == 4 ? "-1" : ca == 5 ? "0" : "";
    }

    private static int fill(ModeSMessage m, Fields f) {
        return switch (m) {
            case ModeSMessage.Identification i -> {
                f.callsign = String.format("%-8s", i.callsign());
                yield 1;
            }
            case ModeSMessage.SurfacePosition s -> {
                // dump1090 leaves the altitude empty and truncates the 7-bit track (360/128 steps).
                f.speed = whole(s.groundSpeedKnots());
                f.track = whole(s.trackDegrees());
                f.position(s);
                f.ground = "-1";
                yield 2;
            }
            case ModeSMessage.AirbornePosition a -> {
                if (a.gnssAltitude()) {
                    yield 0; // dump1090 writes no line for TC 20-22
                }
                f.altitude(a.altitudeFeet());
                f.position(a);
                f.ground = "0";
                yield 3;
            }
            case ModeSMessage.AirborneVelocity v -> {
                // Subtypes 3-4 carry airspeed and magnetic heading: a line with only the
                // vertical rate, as dump1090 writes it.
                f.speed = whole(v.groundSpeedKnots());
                f.track = degrees(v.trackDegrees());
                v.verticalRateFeetPerMinute().ifPresent(r -> f.verticalRate = Integer.toString(r));
                f.ground = "0";
                yield 4;
            }
            case ModeSMessage.SurveillanceReply r -> surveillance(r, f);
            case ModeSMessage.CommBReply r -> {
                f.altitude(r.altitudeFeet());
                f.squawk(r.squawk());
                f.flightStatus(r.flightStatus());
                if (r.commB() instanceof CommB.AircraftIdentification id) {
                    f.callsign = String.format("%-8s", id.callsign());
                }
                yield r.downlinkFormat() == 20 ? 5 : 6;
            }
            case ModeSMessage.AllCallReply a -> {
                if (a.capability() == 4 || a.capability() == 5) {
                    f.ground = a.capability() == 4 ? "-1" : "0";
                }
                yield 8;
            }
            case ModeSMessage.AircraftStatus s -> 0;
            case ModeSMessage.TargetState t -> 0;
            case ModeSMessage.OperationalStatus o -> 0;
            case ModeSMessage.OtherSquitter o -> 0;
        };
    }

    private static int surveillance(ModeSMessage.SurveillanceReply r, Fields f) {
        f.altitude(r.altitudeFeet());
        f.squawk(r.squawk());
        f.flightStatus(r.flightStatus());
        return switch (r.downlinkFormat()) {
            case 4 -> 5;
            case 5 -> 6;
            default -> 7;
        };
    }
}
