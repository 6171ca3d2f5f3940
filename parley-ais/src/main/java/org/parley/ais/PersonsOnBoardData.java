package org.parley.ais;

/**
 * Persons on board, message 6 DAC 200 (Inland AIS, ECE/TRANS/SC.3/176) FI 55, 168-bit message:
 * 88-95 crew (255 = unknown) | 96-108 passengers (8191 = unknown) | 109-116 shipboard personnel.
 */
public record PersonsOnBoardData(int crew, int passengers, int shipboardPersonnel) implements ApplicationData {
    public PersonsOnBoardData {
        Check.unsigned(crew, 8, "crew");
        Check.unsigned(passengers, 13, "passengers");
        Check.unsigned(shipboardPersonnel, 8, "shipboardPersonnel");
    }

    static PersonsOnBoardData read(Bits b) {
        return new PersonsOnBoardData(b.unsigned(88, 8), b.unsigned(96, 13), b.unsigned(109, 8));
    }
}
