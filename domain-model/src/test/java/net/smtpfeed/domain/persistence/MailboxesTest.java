package net.smtpfeed.domain.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import net.smtpfeed.domain.customer.Customer;
import net.smtpfeed.domain.hosting.DeliveryMode;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.mail.Delivery;
import net.smtpfeed.domain.mail.DeliveryState;
import net.smtpfeed.domain.mail.RetrySchedule;
import net.smtpfeed.domain.mailbox.Mailbox;
import net.smtpfeed.domain.mailbox.MailboxPassword;
import net.smtpfeed.domain.mailbox.MailboxRefused;
import net.smtpfeed.domain.mailbox.MailboxScope;
import net.smtpfeed.domain.mailbox.Mailboxes;
import net.smtpfeed.domain.mailbox.RecipientDomain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mailboxes on the real schema (H2 here; MySQL/MariaDB with -Pmysql): the database itself keeps a domain on its feed
 * or on mailboxes, never both, and at most one catch-all; mail finds its mailbox or the catch-all.
 */
class MailboxesTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final String HASH = MailboxPassword.hash("not used here".toCharArray());

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
    void theDemoMailboxDomainHasInfoWithTheReadmesPassword() {
        Mailbox info = data.inTransaction(em -> {
            Mailbox found = new Mailboxes(em).byAddress("info@mailbox.example").orElseThrow();
            found.getDomain().getName();
            return found;
        });
        assertTrue(info.getDomain().isInMailboxMode());
        assertTrue(info.passwordMatches("info-mailbox".toCharArray()));
    }

    @Test
    void aMailboxIsRefusedForADomainOnItsFeed() {
        HostedDomain feed = data.domain(data.customer("Feed Only"));
        MailboxRefused refused = assertThrows(MailboxRefused.class, () -> create(feed, "info", false));
        assertEquals(MailboxRefused.Reason.DOMAIN_NOT_IN_MAILBOX_MODE, refused.getReason());
    }

    @Test
    void theDatabaseRefusesAMailboxRowForADomainOnItsFeed() {
        HostedDomain feed = data.domain(data.customer("Feed Only Sql"));
        assertThrows(PersistenceException.class, () -> data.inTransaction(em -> em.createNativeQuery("""
                        INSERT INTO mailbox (domain_id, local_part, password_hash, created_at)
                        VALUES (?1, 'info', 'x', CURRENT_TIMESTAMP)""")
                .setParameter(1, feed.getId()).executeUpdate()));
    }

    @Test
    void theDatabaseRefusesAMailboxRowThatClaimsAnotherMode() {
        HostedDomain feed = data.domain(data.customer("Feed Mode Claim"));
        assertThrows(PersistenceException.class, () -> data.inTransaction(em -> em.createNativeQuery("""
                        INSERT INTO mailbox (domain_id, domain_mode, local_part, password_hash, created_at)
                        VALUES (?1, 'FEED', 'info', 'x', CURRENT_TIMESTAMP)""")
                .setParameter(1, feed.getId()).executeUpdate()));
    }

    @Test
    void theDatabaseRefusesToPutADomainWithAMailboxBackOnItsFeed() {
        HostedDomain domain = mailboxDomain("Both At Once");
        create(domain, "info", false);
        assertThrows(PersistenceException.class, () -> data.inTransaction(em -> em.createNativeQuery(
                        "UPDATE hosted_domain SET delivery_mode = 'FEED' WHERE id = ?1")
                .setParameter(1, domain.getId()).executeUpdate()));
        assertEquals(DeliveryMode.MAILBOXES, reread(domain).getDeliveryMode());
    }

    @Test
    void mailForAnAddressGoesToItsMailboxElseToTheCatchAllElseNowhere() {
        HostedDomain domain = mailboxDomain("Recipients");
        create(domain, "info", false);
        assertTrue(forRecipient(domain, "sales").isEmpty());
        create(domain, "everything", true);

        assertEquals("info", forRecipient(domain, "INFO").orElseThrow().getLocalPart());
        assertEquals("everything", forRecipient(domain, "sales").orElseThrow().getLocalPart());
    }

    @Test
    void aRecipientsDomainComesWithWhetherTheAddressHasAMailboxToGoTo() {
        HostedDomain domain = mailboxDomain("Recipient Check");
        create(domain, "info", false);
        HostedDomain feed = data.domain(data.customer("Recipient Check Feed"));

        assertTrue(recipientDomain("Info@" + domain.getName()).mailboxFound());
        assertFalse(recipientDomain("sales@" + domain.getName()).mailboxFound());
        assertTrue(recipientDomain("sales@" + domain.getName()).isInMailboxMode());
        assertFalse(recipientDomain("info@" + feed.getName()).mailboxFound());
        create(domain, "rest", true);
        assertTrue(recipientDomain("sales@" + domain.getName()).mailboxFound());
    }

    @Test
    void aDomainHasAtMostOneCatchAll() {
        HostedDomain domain = mailboxDomain("Catch All");
        Mailbox first = create(domain, "first", true);
        Mailbox second = create(domain, "second", true);

        List<Mailbox> mailboxes = data.inTransaction(em -> new Mailboxes(em).of(em.find(HostedDomain.class, domain.getId())));
        assertEquals(List.of("first", "second"), mailboxes.stream().map(Mailbox::getLocalPart).toList());
        assertEquals(List.of(false, true), mailboxes.stream().map(Mailbox::isCatchAll).toList());
        assertEquals(second.getId(), forRecipient(domain, "anyone").orElseThrow().getId());
        assertFalse(first.getId().equals(second.getId()));
    }

    @Test
    void theDatabaseRefusesASecondCatchAllRow() {
        HostedDomain domain = mailboxDomain("Catch All Sql");
        create(domain, "first", true);
        Mailbox second = create(domain, "second", false);
        assertThrows(PersistenceException.class, () -> data.inTransaction(em -> em.createNativeQuery(
                        "UPDATE mailbox SET catch_all_domain_id = domain_id WHERE id = ?1")
                .setParameter(1, second.getId()).executeUpdate()));
    }

    @Test
    void anAddressHasOneMailbox() {
        HostedDomain domain = mailboxDomain("Twice");
        create(domain, "info", false);
        MailboxRefused refused = assertThrows(MailboxRefused.class, () -> create(domain, "Info", false));
        assertEquals(MailboxRefused.Reason.ADDRESS_TAKEN, refused.getReason());
    }

    @Test
    void aPop3UserNameFindsItsMailboxInAnyCase() {
        HostedDomain domain = mailboxDomain("Pop3 User");
        Mailbox info = create(domain, "info", false);
        Optional<Mailbox> found = data.inTransaction(em -> new Mailboxes(em).byAddress("Info@" + domain.getName().toUpperCase()));
        assertEquals(info.getId(), found.orElseThrow().getId());
        assertTrue(data.inTransaction(em -> new Mailboxes(em).byAddress("nobody@" + domain.getName())).isEmpty());
    }

    @Test
    void aCustomerFindsOnlyTheirOwnMailboxes() {
        HostedDomain mine = mailboxDomain("Mailbox Owner");
        HostedDomain theirs = mailboxDomain("Mailbox Neighbour");
        Mailbox myInfo = create(mine, "info", false);
        Mailbox theirInfo = create(theirs, "info", false);
        MailboxScope me = MailboxScope.customer(mine.getCustomer().getId());

        assertEquals(List.of(myInfo.getId()),
                data.inTransaction(em -> new Mailboxes(em).inScope(me)).stream().map(Mailbox::getId).toList());
        assertTrue(data.inTransaction(em -> new Mailboxes(em).find(theirInfo.getId(), me)).isEmpty());
        assertTrue(data.inTransaction(em -> new Mailboxes(em).find(theirInfo.getId(), MailboxScope.staff())).isPresent());
    }

    @Test
    void aNewMailboxMakesTheMailThatWaitedForItDueAtOnce() {
        HostedDomain domain = mailboxDomain("Waiting For A Mailbox");
        long waiting = data.copy(domain, NOW.minusSeconds(600), d -> d.deferred("no mailbox for someone",
                RetrySchedule.DEFAULT, NOW.minusSeconds(60)));

        create(domain, "someone", false);

        Delivery delivery = data.inTransaction(em -> em.find(Delivery.class, waiting));
        assertEquals(DeliveryState.DEFERRED, delivery.getState());
        assertFalse(delivery.getNextAttemptAt().isAfter(Instant.now()), "due at once: " + delivery.getNextAttemptAt());
    }

    @Test
    void aResetPasswordIsShownOnceAndOpensTheMailboxAndAChangedOneReplacesIt() {
        HostedDomain domain = mailboxDomain("Passwords");
        Mailbox mailbox = create(domain, "info", false);
        String reset = data.inTransaction(em -> new Mailboxes(em).resetPassword(em.find(Mailbox.class, mailbox.getId()),
                "staff", NOW));
        assertTrue(rereadMailbox(mailbox).passwordMatches(reset.toCharArray()));

        data.inTransaction(em -> {
            new Mailboxes(em).changePassword(em.find(Mailbox.class, mailbox.getId()), "my own choice".toCharArray(),
                    "customer", NOW);
            return null;
        });
        assertFalse(rereadMailbox(mailbox).passwordMatches(reset.toCharArray()));
        assertTrue(rereadMailbox(mailbox).passwordMatches("my own choice".toCharArray()));
    }

    private static HostedDomain mailboxDomain(String customerName) {
        Customer customer = data.customer(customerName);
        HostedDomain domain = data.domain(customer);
        return data.inTransaction(em -> {
            HostedDomain managed = em.find(HostedDomain.class, domain.getId());
            managed.switchToMailboxes();
            managed.getCustomer().getId();
            return managed;
        });
    }

    private static Mailbox create(HostedDomain domain, String localPart, boolean catchAll) {
        return data.inTransaction(em -> new Mailboxes(em).create(em.find(HostedDomain.class, domain.getId()), localPart,
                catchAll, HASH, "staff", NOW));
    }

    private static Optional<Mailbox> forRecipient(HostedDomain domain, String localPart) {
        return data.inTransaction(em -> new Mailboxes(em).forRecipient(em.find(HostedDomain.class, domain.getId()), localPart));
    }

    private static RecipientDomain recipientDomain(String address) {
        return RecipientDomainsTest.find(data, address).orElseThrow();
    }

    private static HostedDomain reread(HostedDomain domain) {
        return data.inTransaction(em -> em.find(HostedDomain.class, domain.getId()));
    }

    private static Mailbox rereadMailbox(Mailbox mailbox) {
        return data.inTransaction(em -> em.find(Mailbox.class, mailbox.getId()));
    }
}
