package org.parley.track.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeedSpecTest {

    private static FeedSpec url(String kind, String url) {
        return FeedSpec.parse("f1", kind, Optional.of(url), Optional.empty(), 1);
    }

    @Test
    void parse_tcpUrl_returnsTcpClientSource() {
        FeedSpec spec = url("ais", "tcp://127.0.0.1:10110");

        assertThat(spec).isEqualTo(new FeedSpec("f1", FeedKind.AIS, new FeedSource.Tcp("127.0.0.1", 10110)));
        assertThat(spec.source()).hasToString("tcp://127.0.0.1:10110");
    }

    @Test
    void parse_udpUrl_returnsUdpListenSource() {
        assertThat(url("ais", "udp://0.0.0.0:10111").source()).isEqualTo(new FeedSource.Udp("0.0.0.0", 10111));
    }

    @Test
    void parse_ipv6Host_dropsBrackets() {
        assertThat(url("sbs", "tcp://[::1]:30003").source()).isEqualTo(new FeedSource.Tcp("::1", 30003));
        assertThat(url("sbs", "tcp://[::1]:30003").source()).hasToString("tcp://[::1]:30003");
    }

    @Test
    void parse_hostName_kept() {
        assertThat(url("beast", "tcp://radar-1.example.org:30005").source())
                .isEqualTo(new FeedSource.Tcp("radar-1.example.org", 30005));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ais", "AIS", "Ais", " ais "})
    void parse_kindAnyCase_isAis(String kind) {
        assertThat(url(kind, "tcp://h:1").kind()).isEqualTo(FeedKind.AIS);
    }

    @Test
    void parse_beastAndSbs_recognised() {
        assertThat(url("beast", "tcp://h:30005").kind()).isEqualTo(FeedKind.BEAST);
        assertThat(url("SBS", "tcp://h:30003").kind()).isEqualTo(FeedKind.SBS);
    }

    @Test
    void parse_unknownKind_errorNamesFeedAndListsChoices() {
        assertThatThrownBy(() -> url("avr", "tcp://h:30002"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("feed 'f1'")
                .hasMessageContaining("ais, beast, sbs")
                .hasMessageContaining("'avr'");
    }

    @Test
    void parse_file_returnsReplayWithSpeed() {
        FeedSpec spec = FeedSpec.parse("replay", "ais", Optional.empty(), Optional.of("scenario.nmea"), 60);

        assertThat(spec.source()).isEqualTo(new FeedSource.Replay(Path.of("scenario.nmea"), 60));
    }

    @Test
    void parse_urlAndFile_errorAsksForExactlyOne() {
        assertThatThrownBy(() -> FeedSpec.parse("x", "ais", Optional.of("tcp://h:1"), Optional.of("f"), 1))
                .hasMessageContaining("exactly one of url");
    }

    @Test
    void parse_neitherUrlNorFile_errorAsksForExactlyOne() {
        assertThatThrownBy(() -> FeedSpec.parse("x", "ais", Optional.empty(), Optional.empty(), 1))
                .hasMessageContaining("exactly one of url");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://h:80",
                "file:///tmp/x",
                "h:10110",
                "tcp://h",
                "tcp://h:1/path",
                "tcp://h:1?q=1",
                "tcp://:1",
                "tcp://h:0",
                "tcp://h:70000",
                "udp://h:-1",
                "tcp://u@h:1",
                "tcp://a b:1"
            })
    void parse_badUrl_errorSaysWhatToWrite(String bad) {
        assertThatThrownBy(() -> url("ais", bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("feed 'f1': ")
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("tcp://host:port", "port must be within"));
    }

    @Test
    void parse_beastOverUdp_errorSaysTcpOrFile() {
        assertThatThrownBy(() -> url("beast", "udp://0.0.0.0:30005")).hasMessageContaining("Beast is read over TCP");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
    void parse_badSpeed_errorSaysPositive(double speed) {
        assertThatThrownBy(() -> FeedSpec.parse("r", "ais", Optional.empty(), Optional.of("a.nmea"), speed))
                .hasMessageContaining("feed 'r'")
                .hasMessageContaining("speed must be a finite number > 0");
    }

    @Test
    void parse_blankFile_error() {
        assertThatThrownBy(() -> FeedSpec.parse("r", "ais", Optional.empty(), Optional.of(" "), 1))
                .hasMessageContaining("file must name a recording");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-x", "has space", "a/b", "ünï"})
    void parse_badName_errorSaysAllowedCharacters(String name) {
        assertThatThrownBy(() -> FeedSpec.parse(name, "ais", Optional.of("tcp://h:1"), Optional.empty(), 1))
                .hasMessageContaining("feed name must be 1-64 letters");
    }

    @Test
    void withBaseDirectory_relativeFile_resolved() {
        FeedSpec spec = FeedSpec.parse("r", "ais", Optional.empty(), Optional.of("s.nmea"), 2);

        assertThat(spec.withBaseDirectory(Path.of("/etc/parley")).source())
                .isEqualTo(new FeedSource.Replay(Path.of("/etc/parley/s.nmea"), 2));
    }

    @Test
    void withBaseDirectory_absoluteFileOrUrl_unchanged() {
        FeedSpec file = FeedSpec.parse("r", "ais", Optional.empty(), Optional.of("/data/s.nmea"), 2);
        FeedSpec tcp = url("ais", "tcp://h:1");

        assertThat(file.withBaseDirectory(Path.of("/etc"))).isEqualTo(file);
        assertThat(tcp.withBaseDirectory(Path.of("/etc"))).isEqualTo(tcp);
    }

    @Test
    void configName_isLowerCase() {
        assertThat(FeedKind.BEAST.configName()).isEqualTo("beast");
    }
}
