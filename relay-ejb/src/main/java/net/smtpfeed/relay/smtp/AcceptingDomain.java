package net.smtpfeed.relay.smtp;

/** A hosted domain that takes mail, as RCPT TO needs it: which one, and whether it greylists. */
public record AcceptingDomain(long id, boolean greylisting) {
}
