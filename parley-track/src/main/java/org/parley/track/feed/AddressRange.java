package org.parley.track.feed;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * One entry of a UDP feed's {@code allowFrom}: an IPv4 or IPv6 address, or a network in CIDR
 * notation (RFC 4632 section 3.1: the first {@code prefixBits} bits of {@code network} are fixed).
 * Literal addresses only: a host name would make the check depend on DNS, which a hostile network
 * can answer.
 *
 * @param network the address, with every bit after the prefix zero
 * @param prefixBits how many leading bits must match: 0..32 for IPv4, 0..128 for IPv6
 */
public record AddressRange(InetAddress network, int prefixBits) {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    public AddressRange {
        int bits = network.getAddress().length * 8;
        if (prefixBits < 0 || prefixBits > bits) {
            throw new IllegalArgumentException(
                    "prefix must be 0.." + bits + " for " + network.getHostAddress() + ": /" + prefixBits);
        }
        if (!masked(network.getAddress(), prefixBits).equals(network)) {
            throw new IllegalArgumentException(network.getHostAddress() + "/" + prefixBits
                    + " has bits set after the prefix; write the network address "
                    + masked(network.getAddress(), prefixBits).getHostAddress() + "/" + prefixBits);
        }
    }

    /**
     * {@code 192.0.2.7}, {@code 192.0.2.0/24}, {@code 2001:db8::1} or {@code 2001:db8::/32}; an error
     * says what to write instead.
     */
    public static AddressRange parse(String text) {
        String hint = " (write an IP address such as 192.0.2.7 or a network such as 192.0.2.0/24): '" + text + "'";
        String s = text.strip();
        int slash = s.indexOf('/');
        String address = slash < 0 ? s : s.substring(0, slash);
        if (!IPV4.matcher(address).matches() && !IPV6.matcher(address).matches()) {
            throw new IllegalArgumentException("allowFrom takes IP addresses, not host names" + hint);
        }
        InetAddress parsed;
        try {
            parsed = InetAddress.getByName(address); // a literal: no DNS lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("allowFrom entry is not an IP address" + hint, e);
        }
        int bits = parsed.getAddress().length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(s.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("allowFrom prefix must be a number of bits" + hint, e);
        }
        try {
            return new AddressRange(parsed, prefix);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("allowFrom: " + e.getMessage(), e);
        }
    }

    /** Whether {@code address} lies in this range; an IPv4 address never matches an IPv6 range. */
    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == network.getAddress().length
                && masked(bytes, prefixBits).equals(network);
    }

    private static InetAddress masked(byte[] address, int prefixBits) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefixBits - 8 * i));
            out[i] = (byte) (out[i] & (0xFF00 >> keep));
        }
        try {
            return InetAddress.getByAddress(out);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a 4- or 16-byte address is always valid", e);
        }
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefixBits;
    }
}
