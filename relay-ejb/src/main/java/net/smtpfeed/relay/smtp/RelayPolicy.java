package net.smtpfeed.relay.smtp;

import net.smtpfeed.domain.mail.EmailAddress;

/**
 * Decides at RCPT TO whether we take mail for a recipient: only for hosted, active domains, and for a domain on
 * mailboxes only for an address with a mailbox or a catch-all. We are never an open relay.
 */
public interface RelayPolicy {

    RecipientCheck check(EmailAddress recipient);
}
