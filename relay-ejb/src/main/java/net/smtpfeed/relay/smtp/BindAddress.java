package net.smtpfeed.relay.smtp;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The address a listener (SMTP or POP3) binds, from its configuration key. */
public final class BindAddress {

    private BindAddress() {
    }

    /** Start-up validation has checked the value already; this only fails if the host's addresses changed since. */
    public static InetAddress of(String key, String name) {
        try {
            return InetAddress.getByName(name);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(key + ": not an address of this host: " + name, e);
        }
    }
}
