package org.parley.track.adsb;

import java.util.Optional;
import org.parley.adsb.AdsbDecoder;
import org.parley.adsb.AdsbResult;
import org.parley.adsb.AircraftState;
import org.parley.adsb.GeoPosition;
import org.parley.adsb.ModeSMessage;
import org.parley.track.Altitude;
import org.parley.track.AltitudeKind;
import org.parley.track.PositionReport;
import org.parley.track.TargetId;
import org.parley.track.Transponder;

/**
 * Decoded ADS-B to position reports: each airborne position the decoder resolves becomes one
 * report, completed with the aircraft's latest velocity, vertical rate and emitter category from
 * the decoder's per-aircraft state. Surface positions are left out (not an air encounter).
 */
public final class AdsbReports {
    private final AdsbDecoder decoder;
    private long positions;

    public AdsbReports(AdsbDecoder decoder) {
        this.decoder = decoder;
    }

    /** The report for one decoded message, if it carried a resolved airborne position. */
    public Optional<PositionReport> accept(AdsbResult result) {
        if (!(result instanceof AdsbResult.Decoded d)
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

    /** The decoder whose per-aircraft state completes the reports (frames must be decoded by it). */
    public AdsbDecoder decoder() {
        return decoder;
    }

    /** Position reports produced. */
    public long positions() {
        return positions;
    }
}
