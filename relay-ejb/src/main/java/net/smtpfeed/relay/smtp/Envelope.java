package net.smtpfeed.relay.smtp;

import java.util.List;
import net.smtpfeed.domain.mail.EmailAddress;

/** What one SMTP transaction said about a message besides its bytes: who sent it, from where, and for whom. */
public record Envelope(String sender, List<Recipient> recipients, String clientAddress, String helo) {

    /** A recipient the relay accepted at RCPT TO, with the hosted domain that made it acceptable. */
    public record Recipient(EmailAddress address, AcceptingDomain domain) {

        public long domainId() {
            return domain.id();
        }
    }

    public Envelope {
        recipients = List.copyOf(recipients);
    }

    /** Whether any recipient's domain wants its mail scored for spam. */
    public boolean wantsSpamScore() {
        return recipients.stream().anyMatch(r -> r.domain().spamPolicy().isPresent());
    }
}
