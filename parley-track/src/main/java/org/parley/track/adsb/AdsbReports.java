package org.parley.track.adsb;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.parley.adsb.AdsbDecoder;
import org.parley.adsb.AdsbResult;
import org.parley.adsb.AircraftState;
import org.parley.adsb.GeoPosition;
import org.parley.adsb.ModeSMessage;
import org.parley.adsb.feed.FeedRecord;
import org.parley.track.Altitude;
import org.parley.track.AltitudeKind;
import org.parley.track.PositionReport;
import org.parley.track.TargetId;
import org.parley.track.Transponder;

/**
 * Decoded ADS-B to position reports: each airborne position the decoder resolves becomes one
 * report, completed with the aircraft's latest velocity, vertical rate and emitter category from
 * the decoder's per-aircraft state. Surface positions are left out (not an air encounter).
 *
 * <p>BaseStation (SBS-1, port 30003) lines arrive already decoded, one kind of field per line
 * (MSG,3 position and altitude, MSG,4 speed, track and vertical rate): {@link #accept(FeedRecord.BaseStationReport,
 * Instant)} remembers each aircraft's last velocity line to complete its positions, for at most
 * {@value #MAX_SBS_AIRCRAFT} aircraft (the least recently heard is forgotten first).
 */
public final class AdsbReports {
    /** Far above the few thousand aircraft one receiver hears; bounds what a hostile feed can make us hold. */
    static final int MAX_SBS_AIRCRAFT = 50_000;

    private final AdsbDecoder decoder;
    private final Map<Integer, SbsVelocity> sbsVelocities = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, SbsVelocity> eldest) {
            return size() > MAX_SBS_AIRCRAFT;
        }
    };
    private long positions;

    /** What an MSG,4 line said last. */
    private record SbsVelocity(
            OptionalDouble groundSpeedKnots, OptionalDouble trackDegrees, OptionalInt verticalRateFeetPerMinute) {}

    public AdsbReports(AdsbDecoder decoder) {
        this.decoder = decoder;
    }

    /** The report for one decoded message, if it carried a resolved airborne position. */
    public Optional<PositionReport> accept(AdsbResult result) {
        // hasPosition() first: only a frame with a resolved position has its message made.
        if (!(result instanceof AdsbResult.Decoded d)
                || !d.hasPosition()
                || !(d.message() instanceof ModeSMessage.AirbornePosition p)
                || p.position().isEmpty()) {
            return Optional.empty();
        }
        GeoPosition at = p.position().get();
        PositionReport.Builder b = PositionReport.builder(
                        new TargetId.IcaoAddress(p.address().value()),
                        d.receivedAt(),
                        at.latitudeDegrees(),
                        at.longitudeDegrees())
                .transponder(Transponder.ADSB);
        if (p.altitudeFeet().isPresent()) {
            AltitudeKind kind = p.gnssAltitude() ? AltitudeKind.GEOMETRIC : AltitudeKind.BAROMETRIC;
            b.altitude(new Altitude(p.altitudeFeet().getAsInt(), kind));
        }
        Optional<AircraftState> state = decoder.aircraft(p.address());
        if (state.isPresent()) {
            AircraftState s = state.get();
            if (s.groundSpeedKnots().isPresent() && s.trackDegrees().isPresent()) {
                b.speedKnots(s.groundSpeedKnots().getAsDouble());
                b.courseDegrees(s.trackDegrees().getAsDouble() % 360);
            }
            s.verticalRateFeetPerMinute().ifPresent(b::verticalRateFeetPerMinute);
            s.emitterCategory().ifPresent(b::emitterCategory);
        }
        try {
            PositionReport report = b.build();
            positions++;
            return Optional.of(report);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The report for one BaseStation line received at {@code receivedAt}, if it is an airborne
     * position (transmission type 3, SBS-1 field numbering); a velocity line (type 4) is
     * remembered for the aircraft's next position. Altitude in BaseStation output is barometric.
     * Never throws: a line whose values a report refuses yields nothing.
     */
    public Optional<PositionReport> accept(FeedRecord.BaseStationReport line, Instant receivedAt) {
        int address = line.address().value();
        if (line.transmissionType() == 4) {
            sbsVelocities.put(
                    address,
                    new SbsVelocity(line.groundSpeedKnots(), line.trackDegrees(), line.verticalRateFeetPerMinute()));
            return Optional.empty();
        }
        if (line.transmissionType() != 3 || line.position().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(sbsReport(line, address, receivedAt));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // e.g. a speed or altitude outside what a report allows
        }
    }

    private PositionReport sbsReport(FeedRecord.BaseStationReport line, int address, Instant receivedAt) {
        GeoPosition at = line.position().get();
        PositionReport.Builder b = PositionReport.builder(
                        new TargetId.IcaoAddress(address), receivedAt, at.latitudeDegrees(), at.longitudeDegrees())
                .transponder(Transponder.ADSB);
        line.altitudeFeet().ifPresent(feet -> b.altitude(new Altitude(feet, AltitudeKind.BAROMETRIC)));
        SbsVelocity v = sbsVelocities.get(address);
        OptionalDouble speed =
                line.groundSpeedKnots().isPresent() || v == null ? line.groundSpeedKnots() : v.groundSpeedKnots();
        OptionalDouble track = line.trackDegrees().isPresent() || v == null ? line.trackDegrees() : v.trackDegrees();
        if (speed.isPresent() && track.isPresent()) {
            b.speedKnots(speed.getAsDouble());
            b.courseDegrees(track.getAsDouble() % 360);
        }
        OptionalInt climb = line.verticalRateFeetPerMinute().isPresent() || v == null
                ? line.verticalRateFeetPerMinute()
                : v.verticalRateFeetPerMinute();
        climb.ifPresent(b::verticalRateFeetPerMinute);
        PositionReport report = b.build();
        positions++;
        return report;
    }

    /** The decoder whose per-aircraft state completes the reports (frames must be decoded by it). */
    public AdsbDecoder decoder() {
        return decoder;
    }

    /** Position reports produced. */
    public long positions() {
        return positions;
    }
}
