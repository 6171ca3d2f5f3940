package org.parley.ais.gpsd;

import java.util.ArrayList;
import java.util.List;
import org.parley.ais.AisDecoder;
import org.parley.ais.AisResult;
import org.parley.testing.Corpus;

/** Runs a corpus file through the decoder and the gpsd writer, as the CLI does. */
final class Decoding {
    private Decoding() {}

    static List<String> gpsdLines(String corpusFile) {
        AisDecoder decoder = AisDecoder.create();
        GpsdJson json = new GpsdJson();
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (String line : Corpus.lines(corpusFile)) {
            if (decoder.decode(line) instanceof AisResult.Decoded d) {
                sb.setLength(0);
                if (json.append(d.message(), sb)) {
                    out.add(sb.toString());
                }
            }
        }
        return out;
    }
}
