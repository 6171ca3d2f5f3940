package org.parley.ais;

/**
 * AtoN monitoring data, message 6 DAC 235 or 250 (UK / Ireland, IALA-GLA) FI 10, 136-bit message.
 *
 * <pre>
 * 88-97 analogue internal (0.05 V) | 98-107 analogue external 1 | 108-117 analogue external 2
 * 118-119 RACON status | 120-121 light status | 122 alarm | 123-130 status bits | 131 off position
 * </pre>
 */
public record AtonMonitoringData(
        int rawAnalogueInternal,
        int rawAnalogueExternal1,
        int rawAnalogueExternal2,
        int raconStatus,
        int lightStatus,
        boolean alarm,
        int statusExtension,
        boolean offPosition)
        implements ApplicationData {
    public AtonMonitoringData {
        Check.unsigned(rawAnalogueInternal, 10, "rawAnalogueInternal");
        Check.unsigned(rawAnalogueExternal1, 10, "rawAnalogueExternal1");
        Check.unsigned(rawAnalogueExternal2, 10, "rawAnalogueExternal2");
        Check.unsigned(raconStatus, 2, "raconStatus");
        Check.unsigned(lightStatus, 2, "lightStatus");
        Check.unsigned(statusExtension, 8, "statusExtension");
    }

    static AtonMonitoringData read(Bits b) {
        return new AtonMonitoringData(
                b.unsigned(88, 10),
                b.unsigned(98, 10),
                b.unsigned(108, 10),
                b.unsigned(118, 2),
                b.unsigned(120, 2),
                b.flag(122),
                b.unsigned(123, 8),
                b.flag(131));
    }

    /** Internal supply voltage in volts (0.05 V steps). */
    public double internalVolts() {
        return rawAnalogueInternal * 0.05;
    }
}
