package net.smtpfeed.domain.persistence;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.mail.Delivery;
import net.smtpfeed.domain.mailbox.Mailbox;
import net.smtpfeed.domain.mailbox.MailboxPassword;
import net.smtpfeed.domain.mailbox.Mailboxes;
import net.smtpfeed.domain.mailbox.MessageSummary;
import net.smtpfeed.domain.mailbox.StoredMessage;
import net.smtpfeed.domain.mailbox.StoredMessages;

/** Domains in mailbox mode, their mailboxes and stored messages on a test database, each made in its own transaction. */
final class MailboxFixtures {

    private static final String HASH = MailboxPassword.hash("not used here".toCharArray());

    private final TestData data;
    private final Instant now;

    MailboxFixtures(TestData data, Instant now) {
        this.data = data;
        this.now = now;
    }

    /** A new domain of a new customer, switched to mailboxes. */
    HostedDomain mailboxDomain(String customerName) {
        HostedDomain domain = data.domain(data.customer(customerName));
        return data.inTransaction(em -> {
            HostedDomain managed = em.find(HostedDomain.class, domain.getId());
            managed.switchToMailboxes();
            managed.getCustomer().getId();
            return managed;
        });
    }

    Mailbox mailbox(HostedDomain domain, String localPart, boolean catchAll) {
        return data.inTransaction(em -> new Mailboxes(em).create(em.find(HostedDomain.class, domain.getId()), localPart,
                catchAll, HASH, "staff", now));
    }

    /** A message to the mailbox's address, accepted into the queue, claimed and stored as the relay does it. */
    StoredMessage stored(Mailbox mailbox, String subject, byte[] content) {
        HostedDomain domain = mailbox.getDomain();
        long deliveryId = data.copy(domain, mailbox.getLocalPart(), "sender@elsewhere.example", now,
                d -> d.claim("test/1", now.plusSeconds(900)));
        return data.inTransaction(em -> new StoredMessages(em).store(em.find(Mailbox.class, mailbox.getId()),
                em.find(Delivery.class, deliveryId), new MessageSummary("<" + deliveryId + "@test>", "Sender <sender@elsewhere.example>",
                        subject), new ByteArrayInputStream(content), now));
    }
}
