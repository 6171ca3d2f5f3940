package org.parley.dialogue;

/** The level at which talks are requested, highest first. */
public enum Level {
    /** Defence ministers. */
    MINISTERS,
    /** Chiefs of defence (chiefs of the general staff, joint chiefs). */
    CHIEFS_OF_DEFENCE,
    /** Theatre or fleet commanders. */
    THEATRE_COMMANDERS,
    /** Working level: staff officers, defence policy coordination talks. */
    WORKING_LEVEL,
    /** Maritime consultative talks (e.g. the MMCA meetings under the 1998 agreement). */
    MARITIME_CONSULTATIVE_TALKS
}
