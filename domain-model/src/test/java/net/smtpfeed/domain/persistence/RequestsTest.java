package net.smtpfeed.domain.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import net.smtpfeed.domain.customer.Customer;
import net.smtpfeed.domain.feed.ConnectionTestResult;
import net.smtpfeed.domain.feed.DomainClaim;
import net.smtpfeed.domain.feed.DomainClaims;
import net.smtpfeed.domain.feed.FeedRequest;
import net.smtpfeed.domain.feed.FeedRequestState;
import net.smtpfeed.domain.hosting.CustomerDomains;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.domain.hosting.DomainDirectory;
import net.smtpfeed.domain.hosting.DomainName;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.request.CustomerRequest;
import net.smtpfeed.domain.request.CustomerRequestState;
import net.smtpfeed.domain.request.Requests;
import net.smtpfeed.domain.spam.SpamAction;
import net.smtpfeed.domain.spam.SpamLevel;
import net.smtpfeed.domain.spam.SpamPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Feed requests and customer requests on the real schema (H2 here; MySQL with -Pmysql), over the demo data: the
 * queries that keep one customer's domains and requests from another.
 */
class RequestsTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private static EntityManagerFactory factory;
    private static long customerId;
    private static long otherId;

    @BeforeAll
    static void migrate() {
        factory = TestDatabase.fromBuild().migratedFresh().entityManagerFactory();
        customerId = customerNamed("Customer Example Ltd");
        otherId = customerNamed("Other Example GmbH");
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void aDomainHostedForAnotherCustomerIsHeldByThem() {
        assertEquals(DomainClaim.HELD_BY_ANOTHER_CUSTOMER, claimOf("other.example", customerId));
        assertEquals(DomainClaim.HOSTED_FOR_CUSTOMER, claimOf("other.example", otherId));
    }

    @Test
    void anOpenRequestOfAnotherCustomerHoldsTheDomain() {
        assertEquals(DomainClaim.HELD_BY_ANOTHER_CUSTOMER, claimOf("pending.example", otherId));
        assertEquals(DomainClaim.REQUESTED_BY_CUSTOMER, claimOf("pending.example", customerId));
    }

    @Test
    void aRejectedRequestHoldsNothing() {
        long id = submitted("rejected-claim.example", customerId);
        inTransaction(em -> {
            em.find(FeedRequest.class, id).reject("not yours", "staff", NOW);
            return null;
        });

        assertEquals(DomainClaim.FREE, claimOf("rejected-claim.example", otherId));
        assertEquals(DomainClaim.FREE, claimOf("nobody-has-it.example", otherId));
    }

    @Test
    void aCustomerFindsTheirOwnDomainByNameAndNeverAnothers() {
        assertTrue(inTransaction(em -> new CustomerDomains(em).find(customerId, "customer.example")).isPresent());
        assertFalse(inTransaction(em -> new CustomerDomains(em).find(customerId, "other.example")).isPresent());
        assertEquals(List.of("customer.example", "mailbox.example", "spamcheck.example"), inTransaction(em ->
                new CustomerDomains(em).of(customerId).stream().map(HostedDomain::getName).toList()));
    }

    @Test
    void aFeedRequestKeepsItsSpamSettingsTestAndDecisionAndApprovalMakesTheDomainLive() {
        SpamPolicy asked = SpamPolicy.defaults().withThresholds(4.0, 6.0, 12.0).withAction(SpamLevel.HIGH, SpamAction.SUBJECT);
        long id = inTransaction(em -> {
            FeedRequest request = new FeedRequest(em.find(Customer.class, customerId), DomainName.of("approved.example"),
                    new Destination("192.0.2.26", 2526), false, true, asked, "customer", NOW);
            em.persist(request);
            return request.getId();
        });
        inTransaction(em -> {
            FeedRequest request = em.find(FeedRequest.class, id);
            request.recordConnectionTest(new ConnectionTestResult(true, "accepts mail",
                    List.of("S: 220 mx ESMTP", "C: QUIT")), "staff", NOW);
            em.persist(request.approve("staff", NOW));
            return null;
        });

        FeedRequest stored = inTransaction(em -> em.find(FeedRequest.class, id));
        HostedDomain live = inTransaction(em -> em.createNamedQuery(HostedDomain.BY_NAME, HostedDomain.class)
                .setParameter("name", "approved.example").getSingleResult());

        assertEquals(FeedRequestState.APPROVED, stored.getState());
        assertEquals(asked, stored.getSpamPolicy());
        assertEquals(List.of("S: 220 mx ESMTP", "C: QUIT"), stored.getLastTest().getTranscript());
        assertEquals(NOW, stored.getLastTest().getTestedAt());
        assertEquals("staff", stored.getDecision().getDecidedBy());
        assertTrue(live.acceptsMail());
        assertEquals(new Destination("192.0.2.26", 2526), live.getDestination());
        assertFalse(live.isGreylisting());
        assertEquals(asked, live.getSpamPolicy());
        assertEquals(DomainClaim.HOSTED_FOR_CUSTOMER, claimOf("approved.example", customerId));
    }

    @Test
    void aCustomerSeesTheirOwnRequestsOnlyAndStaffSeeEveryOpenOne() {
        long ownId = inTransaction(em -> {
            HostedDomain domain = new CustomerDomains(em).find(customerId, "customer.example").orElseThrow();
            CustomerRequest request = CustomerRequest.queueExtension(domain, 3, "moving our server", "customer", NOW);
            em.persist(request);
            return request.getId();
        });
        long othersId = inTransaction(em -> {
            HostedDomain domain = new CustomerDomains(em).find(otherId, "other.example").orElseThrow();
            CustomerRequest request = CustomerRequest.temporaryMailboxes(domain, "server replaced", "other", NOW);
            em.persist(request);
            return request.getId();
        });

        List<Long> own = inTransaction(em -> new Requests(em).customerRequestsOf(customerId).stream()
                .map(CustomerRequest::getId).toList());
        List<Long> open = inTransaction(em -> new Requests(em).openCustomerRequests().stream()
                .map(CustomerRequest::getId).toList());

        assertTrue(own.contains(ownId));
        assertFalse(own.contains(othersId));
        assertTrue(open.containsAll(List.of(ownId, othersId)));
        assertTrue(inTransaction(em -> new Requests(em).feedRequestsOf(otherId)).stream()
                .noneMatch(r -> r.getDomainName().equals("pending.example")));
    }

    @Test
    void aDecidedCustomerRequestLeavesTheInbox() {
        long id = inTransaction(em -> {
            HostedDomain domain = new CustomerDomains(em).find(customerId, "spamcheck.example").orElseThrow();
            CustomerRequest request = CustomerRequest.temporaryMailboxes(domain, "server replaced", "customer", NOW);
            em.persist(request);
            return request.getId();
        });
        inTransaction(em -> {
            em.find(CustomerRequest.class, id).reject("use the queue instead", "staff", NOW);
            return null;
        });

        CustomerRequest stored = inTransaction(em -> em.find(CustomerRequest.class, id));
        assertEquals(CustomerRequestState.REJECTED, stored.getState());
        assertEquals("use the queue instead", stored.getDecision().getRejectionReason());
        assertFalse(inTransaction(em -> new Requests(em).openCustomerRequests()).stream()
                .anyMatch(r -> r.getId() == id));
    }

    @Test
    void staffFindDomainsByPartOfTheDomainOrTheCustomersName() {
        assertEquals(List.of("other.example"), names(inTransaction(em -> new DomainDirectory(em).search("OTHER EX", 50))));
        assertTrue(names(inTransaction(em -> new DomainDirectory(em).search("gmbh", 50))).contains("other.example"));
        assertTrue(inTransaction(em -> new DomainDirectory(em).search(" ", 50)).size() >= 3);
    }

    private static List<String> names(List<HostedDomain> domains) {
        return domains.stream().map(HostedDomain::getName).toList();
    }

    private static DomainClaim claimOf(String domain, long customer) {
        return inTransaction(em -> new DomainClaims(em).of(DomainName.of(domain), customer));
    }

    private static long submitted(String domain, long customer) {
        return inTransaction(em -> {
            FeedRequest request = new FeedRequest(em.find(Customer.class, customer), DomainName.of(domain),
                    new Destination("192.0.2.27", 25), true, false, SpamPolicy.defaults(), "someone", NOW);
            em.persist(request);
            return request.getId();
        });
    }

    private static long customerNamed(String name) {
        return inTransaction(em -> em.createQuery("select c.id from Customer c where c.name = :name", Long.class)
                .setParameter("name", name).getSingleResult());
    }

    private static <T> T inTransaction(Function<EntityManager, T> work) {
        return Transactions.inTransaction(factory, work);
    }
}
