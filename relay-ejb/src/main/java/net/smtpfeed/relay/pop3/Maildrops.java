package net.smtpfeed.relay.pop3;

import java.util.Optional;

/** Where the POP3 server finds mailboxes: the user's, if the password is its. */
public interface Maildrops {

    /**
     * The user's maildrop as it is now, if the password is the mailbox's; empty for a wrong password or an unknown
     * user, which a client must not be able to tell apart.
     */
    Optional<Maildrop> open(String user, char[] password);
}
