package org.parley.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.HexFormat;
import java.util.List;

/**
 * Coverage-guided fuzzing with Jazzer of the federation batch body, the first thing a peer's bytes
 * meet after TLS. For any body, reading a request or a response either succeeds or throws
 * {@link IllegalArgumentException} (the server answers that with a 400 and keeps serving; anything
 * else would escape as a 500), and what was read writes back to a body that reads the same.
 *
 * <p>In {@code verify} this runs the inputs kept in {@code BatchFuzzTargetTestInputs/} once each;
 * {@code -Pfuzz} fuzzes it for real (see the parent POM).
 */
class BatchFuzzTargetTest {
    @FuzzTest
    void read_anyBody_readsAndRoundTripsOrRefusesWithIllegalArgument(byte[] body) {
        Batch.Request request = null;
        try {
            request = Batch.readRequest(body);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
        if (request != null) {
            Batch.Request again = Batch.readRequest(Batch.writeRequest(request.certificates(), request.frames()));
            assertThat(again.certificates()).isEqualTo(request.certificates());
            assertThat(hex(again.frames())).isEqualTo(hex(request.frames()));
        }

        Batch.Response response = null;
        try {
            response = Batch.readResponse(body);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
        if (response != null) {
            List<Batch.Result> results = response.results();
            assertThat(Batch.readResponse(Batch.writeResponse(response.certificates(), results)))
                    .isEqualTo(response);
        }
    }

    private static List<String> hex(List<byte[]> frames) {
        return frames.stream().map(HexFormat.of()::formatHex).toList();
    }
}
