package org.parley.dialogue.phrasebook;

/** The languages every phrase of the catalogue is written in. */
public enum Language {
    /** English. */
    EN,
    /** Simplified Chinese. */
    ZH
}
