package org.parley.adsb;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@link ModeSMessage} of an accepted frame, made from its bytes when a consumer first asks
 * {@link AdsbResult.Decoded#message()}. Everything that depends on the decoder's state at the time
 * of decoding (the address, the CPR position) is passed in; the rest is a function of the bytes.
 */
final class FrameMessages {
    private FrameMessages() {}

    static ModeSMessage of(byte[] f, IcaoAddress address, Optional<GeoPosition> position) {
        int df = (f[0] & 0xFF) >>> 3;
        return switch (df) {
            case 17, 18 -> withPosition(ExtendedSquitter.decode(f, df, address), position);
            // Annex 10 Vol IV §3.1.2.3.3.2: DF11 parity is overlaid with the interrogator code.
            case 11 -> new ModeSMessage.AllCallReply(11, address, Bits.get(f, 6, 3), Crc24.syndrome(f, 0, 7));
            default -> surveillance(f, df, address);
        };
    }

    private static ModeSMessage withPosition(ModeSMessage m, Optional<GeoPosition> position) {
        return switch (m) {
            case ModeSMessage.AirbornePosition p -> p.withPosition(position);
            case ModeSMessage.SurfacePosition p -> p.withPosition(position);
            default -> m;
        };
    }

    /** DF0/4/5/16 surveillance and DF20/21 Comm-B replies (Annex 10 Vol IV §3.1.2.6). */
    private static ModeSMessage surveillance(byte[] f, int df, IcaoAddress address) {
        int fs = df == 0 || df == 16 ? -1 : Bits.get(f, 6, 3);
        int code = Bits.get(f, 20, 13);
        OptionalInt altitude = OptionalInt.empty();
        Optional<String> squawk = Optional.empty();
        if (df == 5 || df == 21) {
            squawk = Optional.of(AltitudeCodes.squawk(code));
        } else {
            int feet = AltitudeCodes.ac13ToFeet(code);
            altitude = feet == AltitudeCodes.INVALID ? OptionalInt.empty() : OptionalInt.of(feet);
        }
        if (df == 20 || df == 21) {
            CommB commB = CommBInference.infer(f, altitude.orElse(AltitudeCodes.INVALID));
            return new ModeSMessage.CommBReply(df, address, fs, altitude, squawk, commB);
        }
        return new ModeSMessage.SurveillanceReply(df, address, fs, altitude, squawk);
    }
}
