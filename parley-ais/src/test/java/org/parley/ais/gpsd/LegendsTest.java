package org.parley.ais.gpsd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LegendsTest {
    /** Json.legend copies legends between quotes unescaped; that is only right for plain ASCII text. */
    @Test
    void everyLegend_anyCode_needsNoJsonEscaping() {
        List<String> legends = new ArrayList<>();
        for (int code = 0; code < 256; code++) {
            legends.add(Legends.navigationStatus(code));
            legends.add(Legends.epfd(code));
            legends.add(Legends.aidType(code));
            legends.add(Legends.stationType(code));
            legends.add(Legends.shipType(code));
        }
        legends.add(Legends.shipType(-1));

        for (String legend : legends) {
            JsonBytes quoted = new JsonBytes(16).quoted(legend);
            JsonBytes copied = new JsonBytes(16);
            Json.legend(copied, "", legend);
            assertThat(copied.toString()).as(legend).isEqualTo(quoted.toString());
            assertThat(legend.chars()).as(legend).allMatch(c -> c >= 0x20 && c < 0x7F && c != '"' && c != '\\');
        }
    }
}
