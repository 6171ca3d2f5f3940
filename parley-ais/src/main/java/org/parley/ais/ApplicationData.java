package org.parley.ais;

/**
 * The application part of a binary message (types 6 and 8). Kept raw for now; decoded IMO
 * SN.1/Circ.289 applications will join this sealed set as their own records.
 */
public sealed interface ApplicationData permits BinaryData {}
