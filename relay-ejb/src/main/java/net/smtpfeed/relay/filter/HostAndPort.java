package net.smtpfeed.relay.filter;

import java.net.InetSocketAddress;

/** Reads a setting that names a TCP service as {@code host:port} or {@code [ipv6]:port}, such as a scanner's address. */
final class HostAndPort {

    private HostAndPort() {
    }

    /**
     * @param setting the setting's name, for the message when the value is not host:port
     * @param example a valid value, for the same message
     * @return the address, unresolved: a name is looked up when connecting, so that a restarted service's new address
     *         is found
     * @throws IllegalArgumentException when the value is not host:port with a port from 1 to 65535
     */
    static InetSocketAddress parse(String hostAndPort, String setting, String example) {
        String value = hostAndPort == null ? "" : hostAndPort.strip();
        int colon = value.lastIndexOf(':');
        String host = colon < 0 ? "" : value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            host = ""; // an IPv6 literal needs its brackets, or the port is ambiguous
        }
        int port = -1;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            // reported below
        }
        if (host.isEmpty() || port < 1 || port > 65535) {
            throw new IllegalArgumentException(setting + " must be host:port (such as " + example + "), not '"
                    + hostAndPort + "'");
        }
        return InetSocketAddress.createUnresolved(host, port);
    }
}
