package net.smtpfeed.relay.startup;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.Optional;

/** Whether a listener (SMTP or POP3) will be able to bind its address and port, asked before anything starts. */
final class ListenerPortCheck {

    private ListenerPortCheck() {
    }

    /**
     * The problem as one line naming the key, or empty when the port can be bound.
     *
     * @param service the listener's part of the configuration keys: smtp or pop3
     */
    static Optional<String> problem(String service, String bindAddress, int port) {
        InetAddress address;
        try {
            address = InetAddress.getByName(bindAddress);
        } catch (UnknownHostException e) {
            return Optional.of(ConfigurationRules.line("smtpfeed." + service + ".bind-address", bindAddress,
                    "expected an address of this host, such as 0.0.0.0 or 127.0.0.1"));
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(address, port));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(ConfigurationRules.line("smtpfeed." + service + ".port", String.valueOf(port),
                    "expected a port free on " + bindAddress + ", but it cannot be bound (" + e.getMessage()
                            + "): is another mail server or relay node running there?"));
        }
    }
}
