package org.parley.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import org.junit.jupiter.api.Test;

/** The delivery error logged and stored names every cause (the JDK client's ConnectException may say nothing itself). */
class OutboundCausesTest {

    @Test
    void causes_connectExceptionWithoutMessage_namesItsCause() {
        ConnectException connect = new ConnectException(null);
        connect.initCause(new ClosedChannelException());
        IOException posted = new IOException("https://127.0.0.1:1/federation/v1/envelopes: " + connect, connect);

        String text = Outbound.causes(posted);

        assertThat(text)
                .startsWith("java.io.IOException: https://127.0.0.1:1/federation/v1/envelopes:")
                .endsWith(" <- java.net.ConnectException <- java.nio.channels.ClosedChannelException");
    }

    @Test
    void causes_noCause_isTheExceptionItself() {
        assertThat(Outbound.causes(new IOException("reset"))).isEqualTo("java.io.IOException: reset");
    }
}
