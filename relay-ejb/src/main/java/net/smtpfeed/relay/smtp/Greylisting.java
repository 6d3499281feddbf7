package net.smtpfeed.relay.smtp;

import net.smtpfeed.domain.greylist.GreylistVerdict;

/** Greylisting at RCPT TO, for a domain that wants it: whether this client, sender and recipient must come back later. */
public interface Greylisting {

    GreylistVerdict check(String clientAddress, String sender, String recipient);
}
