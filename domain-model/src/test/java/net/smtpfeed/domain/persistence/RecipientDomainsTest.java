package net.smtpfeed.domain.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import net.smtpfeed.domain.hosting.DomainStatus;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.hosting.MailSettings;
import net.smtpfeed.domain.mail.EmailAddress;
import net.smtpfeed.domain.mailbox.RecipientDomain;
import net.smtpfeed.domain.mailbox.RecipientDomains;
import net.smtpfeed.domain.spam.SpamAction;
import net.smtpfeed.domain.spam.SpamLevel;
import net.smtpfeed.domain.spam.SpamPolicy;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The RCPT TO lookup reads, in plain JDBC, what the entities map (H2 here; MySQL/MariaDB with -Pmysql): a domain
 * changed in the portal is read as the entity holds it. The mailbox side is in {@link MailboxesTest}.
 */
class RecipientDomainsTest {

    private static TestData data;

    @BeforeAll
    static void migrate() {
        data = TestData.onFreshDatabase();
    }

    @AfterAll
    static void close() {
        data.close();
    }

    @Test
    void aDomainIsReadWithTheSettingsItsEntityHolds() {
        HostedDomain domain = data.domain(data.customer("Lookup"));
        SpamPolicy tuned = SpamPolicy.defaults().withThresholds(2.5, 6.0, 12.0).withAction(SpamLevel.LOW, SpamAction.HEADER)
                .withSubjectText(SpamLevel.MED, "[probably spam] ");
        HostedDomain changed = data.inTransaction(em -> {
            HostedDomain managed = em.find(HostedDomain.class, domain.getId());
            managed.changeMailSettings(new MailSettings(false, true, tuned));
            managed.extendQueueLifetimeBy(Duration.ofDays(1));
            return managed;
        });

        RecipientDomain found = find(data, "Someone@" + domain.getName()).orElseThrow();

        assertEquals(changed.getId(), found.id());
        assertEquals(changed.getName(), found.name());
        assertFalse(found.greylisting());
        assertEquals(Optional.of(tuned), found.spamPolicy());
        assertEquals(Duration.ofDays(3), found.queueLifetime());
        assertEquals(changed.deliveryTarget(), found.target());
        assertTrue(found.acceptsMail());
        assertFalse(found.mailboxFound());
    }

    @Test
    void aDomainThatDoesNotCheckSpamHasNoPolicy() {
        HostedDomain domain = data.domain(data.customer("Lookup No Spam"));
        assertEquals(Optional.empty(), find(data, "info@" + domain.getName()).orElseThrow().spamPolicy());
    }

    @Test
    void aSuspendedDomainIsFoundButAcceptsNoMail() {
        HostedDomain domain = data.domain(data.customer("Lookup Suspended"));
        data.inTransaction(em -> {
            em.find(HostedDomain.class, domain.getId()).suspend();
            return null;
        });

        RecipientDomain found = find(data, "info@" + domain.getName()).orElseThrow();
        assertEquals(DomainStatus.SUSPENDED, found.status());
        assertFalse(found.acceptsMail());
    }

    @Test
    void aDomainWeDoNotHostIsNotFound() {
        assertTrue(find(data, "x@not-hosted.example").isEmpty());
    }

    static Optional<RecipientDomain> find(TestData data, String address) {
        return data.inTransaction(em -> em.unwrap(Session.class).doReturningWork(
                connection -> new RecipientDomains(connection).find(EmailAddress.parse(address))));
    }
}
