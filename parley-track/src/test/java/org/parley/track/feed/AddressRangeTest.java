package org.parley.track.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AddressRangeTest {
    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void parse_singleAddress_containsOnlyIt() throws Exception {
        AddressRange range = AddressRange.parse("192.0.2.7");

        assertThat(range.prefixBits()).isEqualTo(32);
        assertThat(range.contains(ip("192.0.2.7"))).isTrue();
        assertThat(range.contains(ip("192.0.2.6"))).isFalse();
    }

    @Test
    void parse_ipv4Network_containsItsAddressesOnly() throws Exception {
        // RFC 4632 3.1: a /22 fixes the first 22 bits, 198.51.100.0 to 198.51.103.255.
        AddressRange range = AddressRange.parse("198.51.100.0/22");

        assertThat(range.contains(ip("198.51.100.0"))).isTrue();
        assertThat(range.contains(ip("198.51.103.255"))).isTrue();
        assertThat(range.contains(ip("198.51.104.0"))).isFalse();
        assertThat(range.contains(ip("198.51.99.255"))).isFalse();
        assertThat(range.contains(ip("2001:db8::1")))
                .as("an IPv6 sender never matches IPv4")
                .isFalse();
    }

    @Test
    void parse_ipv6Network_containsItsAddressesOnly() throws Exception {
        AddressRange range = AddressRange.parse("2001:db8:8000::/33");

        assertThat(range.contains(ip("2001:db8:ffff::1"))).isTrue();
        assertThat(range.contains(ip("2001:db8:7fff::1"))).isFalse();
        assertThat(AddressRange.parse("::/0").contains(ip("fe80::1"))).isTrue();
        assertThat(AddressRange.parse("0.0.0.0/0").contains(ip("203.0.113.9"))).isTrue();
    }

    @Test
    void parse_hostBitsSet_saysTheNetworkToWrite() {
        assertThatThrownBy(() -> AddressRange.parse("10.1.2.3/8"))
                .hasMessageContaining("has bits set after the prefix; write the network address 10.0.0.0/8");
    }

    @Test
    void parse_badEntries_saysWhatToWrite() {
        assertThatThrownBy(() -> AddressRange.parse("receiver.example.org")).hasMessageContaining("not host names");
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/33")).hasMessageContaining("prefix must be 0..32");
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/x")).hasMessageContaining("number of bits");
        assertThatThrownBy(() -> AddressRange.parse("300.0.0.1")).hasMessageContaining("not an IP address");
    }
}
