package org.parley.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CorpusTest {
    @Test
    void file_knownCorpusFile_isReadable() {
        assertThat(Corpus.lines("ais/gpsd_sample.aivdm")).isNotEmpty();
    }

    @Test
    void file_missingFile_failsNamingThePath() {
        assertThatThrownBy(() -> Corpus.file("ais/no-such-file.txt"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no-such-file.txt");
    }
}
