package net.smtpfeed.relay.probe;

import jakarta.ejb.Local;
import net.smtpfeed.domain.feed.ConnectionTestResult;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.domain.hosting.DomainName;

/**
 * Staff's connection test before a feed goes live: would the customer's server take mail for the domain from the
 * relay? Part of the relay's client jar, like {@link net.smtpfeed.relay.queue.QueueAdministration}.
 */
@Local
public interface ConnectionProbe {

    /**
     * Connects to the destination as the relay would deliver, and asks it to take mail for the domain's postmaster
     * without sending any: greeting, EHLO, MAIL FROM the null sender, RCPT TO postmaster, RSET, QUIT. Never throws for
     * what the server does or fails to do: that is the result.
     */
    ConnectionTestResult test(Destination destination, DomainName domain);
}
