package net.smtpfeed.relay.smtp;

import net.smtpfeed.domain.mail.EmailAddress;

/** What the relay does with mail for one recipient at RCPT TO: take it for its hosted domain, or refuse it. */
public sealed interface RecipientCheck {

    /** Taken for a hosted, active domain. */
    record Accepted(AcceptingDomain domain) implements RecipientCheck {
    }

    /** Refused with this reply. */
    record Refused(int code, String reply) implements RecipientCheck {

        /** Not a domain we host, or not an active one: we are never an open relay. */
        public static final Refused RELAYING = new Refused(550, "5.7.1 relaying denied");

        /** A domain on mailboxes with neither a mailbox for the address nor a catch-all. */
        public static Refused noMailbox(EmailAddress recipient) {
            return new Refused(550, "5.1.1 <" + recipient + ">: no such mailbox");
        }
    }
}
