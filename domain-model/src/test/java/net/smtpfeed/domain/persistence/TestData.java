package net.smtpfeed.domain.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import net.smtpfeed.domain.customer.Customer;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.domain.hosting.DomainName;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.mail.Delivery;
import net.smtpfeed.domain.mail.EmailAddress;
import net.smtpfeed.domain.mail.MailMessage;

/**
 * A freshly migrated test database with customers, their domains and mail for the tests of what the portal shows a
 * customer, each made in its own transaction.
 */
final class TestData implements AutoCloseable {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** When the test customers and domains came to us: any time a MySQL TIMESTAMP holds (the epoch it does not). */
    private static final Instant SIGNED_UP = Instant.parse("2026-01-05T09:00:00Z");

    private final EntityManagerFactory factory;

    private TestData(EntityManagerFactory factory) {
        this.factory = factory;
    }

    static TestData onFreshDatabase() {
        return new TestData(TestDatabase.fromBuild().migratedFresh().entityManagerFactory());
    }

    <T> T inTransaction(Function<EntityManager, T> work) {
        return Transactions.inTransaction(factory, work);
    }

    @Override
    public void close() {
        factory.close();
    }

    Customer customer(String name) {
        return inTransaction(em -> {
            Customer customer = new Customer(name + " " + SEQUENCE.incrementAndGet(), SIGNED_UP);
            em.persist(customer);
            return customer;
        });
    }

    /** A new feed of the customer's with the product's defaults, under a name no other test uses. */
    HostedDomain domain(Customer customer) {
        return inTransaction(em -> {
            HostedDomain domain = HostedDomain.feed(DomainName.of("portal-" + SEQUENCE.incrementAndGet() + ".example"),
                    em.merge(customer), new Destination("192.0.2.25", 25), SIGNED_UP);
            em.persist(domain);
            return domain;
        });
    }

    /**
     * One recipient's copy of a message from the sender, received at that time, brought to where it stands by
     * {@code fate} the way the relay would (nothing: it is queued).
     *
     * @return the copy's delivery id
     */
    long copy(HostedDomain domain, String localPart, String sender, Instant received, Consumer<Delivery> fate) {
        return inTransaction(em -> {
            MailMessage message = new MailMessage("TD" + SEQUENCE.incrementAndGet() + "X" + System.nanoTime(), sender,
                    "192.0.2.7", null, 1, received);
            em.persist(message);
            Delivery delivery = new Delivery(message, em.merge(domain), EmailAddress.parse(localPart + "@" + domain.getName()),
                    domain.getQueueLifetime());
            fate.accept(delivery);
            em.persist(delivery);
            em.flush();
            return delivery.getId();
        });
    }

    long copy(HostedDomain domain, Instant received, Consumer<Delivery> fate) {
        return copy(domain, "someone", "sender@elsewhere.example", received, fate);
    }
}
