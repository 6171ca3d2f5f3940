package org.parley.ais;

/**
 * The application part of a binary message (types 6 and 8). Decoded for the
 * meteorological/hydrographic messages (DAC 1, FI 11 and 31), raw otherwise.
 */
public sealed interface ApplicationData
        permits BinaryData,
                MeteoHydroData,
                AtonMonitoringData,
                PersonsOnBoardData,
                InlandStaticData,
                DangerousCargoData,
                TidalWindowData,
                ClearanceTimeData,
                TextDescriptionData {}
