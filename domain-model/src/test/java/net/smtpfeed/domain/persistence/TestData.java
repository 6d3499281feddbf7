package net.smtpfeed.domain.persistence;

import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import net.smtpfeed.domain.customer.Customer;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.domain.hosting.DomainName;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.mail.Delivery;
import net.smtpfeed.domain.mail.EmailAddress;
import net.smtpfeed.domain.mail.MailMessage;

/** Customers, their domains and mail for the tests of what the portal shows a customer, each in its own transaction. */
final class TestData {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** When the test customers and domains came to us: any time a MySQL TIMESTAMP holds (the epoch it does not). */
    private static final Instant SIGNED_UP = Instant.parse("2026-01-05T09:00:00Z");

    private final EntityManagerFactory factory;

    TestData(EntityManagerFactory factory) {
        this.factory = factory;
    }

    Customer customer(String name) {
        return Transactions.inTransaction(factory, em -> {
            Customer customer = new Customer(name + " " + SEQUENCE.incrementAndGet(), SIGNED_UP);
            em.persist(customer);
            return customer;
        });
    }

    /** A new feed of the customer's with the product's defaults, under a name no other test uses. */
    HostedDomain domain(Customer customer) {
        return Transactions.inTransaction(factory, em -> {
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
        return Transactions.inTransaction(factory, em -> {
            MailMessage message = new MailMessage("TD" + SEQUENCE.incrementAndGet() + "X" + System.nanoTime(), sender,
                    "192.0.2.7", null, 1, received);
            em.persist(message);
            Delivery delivery = new Delivery(message, em.merge(domain), EmailAddress.parse(localPart + "@" + domain.getName()));
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
