package org.parley.ais;

/** Text description, message 6 DAC 1 FI 30 (IMO SN.1/Circ.289 §10): 88-97 linkage, 98.. text. */
public record TextDescriptionData(int linkage, String text) implements ApplicationData {
    public TextDescriptionData {
        Check.text(text, 161, "text");
    }

    static TextDescriptionData read(Bits b) {
        return new TextDescriptionData(b.unsigned(88, 10), b.textToEnd(98));
    }
}
