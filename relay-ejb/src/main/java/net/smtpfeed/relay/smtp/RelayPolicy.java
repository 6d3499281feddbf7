package net.smtpfeed.relay.smtp;

import java.util.Optional;
import net.smtpfeed.domain.hosting.DomainName;

/** Decides at RCPT TO whether we take mail for a domain: only for hosted, active ones. We are never an open relay. */
public interface RelayPolicy {

    /** The hosted domain that accepts mail under this name, or empty when we must refuse it. */
    Optional<AcceptingDomain> acceptingDomain(DomainName domain);
}
