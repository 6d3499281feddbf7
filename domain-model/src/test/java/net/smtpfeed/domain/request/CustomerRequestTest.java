package net.smtpfeed.domain.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import net.smtpfeed.domain.customer.Customer;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.domain.hosting.DomainName;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.request.CustomerRequest.Field;
import org.junit.jupiter.api.Test;

class CustomerRequestTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private final Customer customer = new Customer("Customer Example Ltd", NOW);
    private final HostedDomain domain = HostedDomain.feed(DomainName.of("customer.example"), customer,
            new Destination("192.0.2.25", 25), NOW);

    @Test
    void aQueueExtensionAsksForDaysWithAReasonAndWaitsForStaff() {
        CustomerRequest request = CustomerRequest.queueExtension(domain, 3, " server moves to a new rack ", "customer", NOW);

        assertEquals(CustomerRequestType.QUEUE_EXTENSION, request.getType());
        assertEquals(CustomerRequestState.SUBMITTED, request.getState());
        assertEquals(Duration.ofDays(3), request.getExtension());
        assertEquals("server moves to a new rack", request.getReason());
        assertEquals(customer, request.getCustomer());
        assertNull(request.getDecision());
    }

    @Test
    void theAuditLogDescribesARequestInOneLine() {
        assertEquals("queue lifetime of customer.example 3 days longer: moving",
                CustomerRequest.queueExtension(domain, 3, "moving", "customer", NOW).describe());
        assertEquals("temporary mailboxes for customer.example: server replaced",
                CustomerRequest.temporaryMailboxes(domain, "server replaced", "customer", NOW).describe());
    }

    @Test
    void aQueueExtensionMustKeepTheLifetimeWithinFourteenDays() {
        assertEquals(Map.of(), CustomerRequest.problems(CustomerRequestType.QUEUE_EXTENSION, domain, 12, "away"));
        assertEquals(Map.of(Field.EXTRA_DAYS, CustomerRequest.Invalid.EXTENSION_OUT_OF_RANGE),
                CustomerRequest.problems(CustomerRequestType.QUEUE_EXTENSION, domain, 13, "away"));
        assertEquals(Map.of(Field.EXTRA_DAYS, CustomerRequest.Invalid.EXTENSION_OUT_OF_RANGE),
                CustomerRequest.problems(CustomerRequestType.QUEUE_EXTENSION, domain, 0, "away"));
        assertEquals(Map.of(Field.EXTRA_DAYS, CustomerRequest.Invalid.EXTENSION_OUT_OF_RANGE),
                CustomerRequest.problems(CustomerRequestType.QUEUE_EXTENSION, domain, null, "away"));
    }

    @Test
    void mailboxesAreAskedForADomainOnItsFeedAndTheFeedBackForOneOnMailboxes() {
        assertEquals(Map.of(), CustomerRequest.problems(CustomerRequestType.TEMPORARY_MAILBOXES, domain, null, "down"));
        assertEquals(Map.of(Field.DOMAIN, CustomerRequest.Invalid.ALREADY_IN_THAT_MODE),
                CustomerRequest.problems(CustomerRequestType.FEED_RETURN, domain, null, "up again"));

        domain.switchToMailboxes();

        assertEquals(Map.of(), CustomerRequest.problems(CustomerRequestType.FEED_RETURN, domain, null, "up again"));
        assertEquals(Map.of(Field.DOMAIN, CustomerRequest.Invalid.ALREADY_IN_THAT_MODE),
                CustomerRequest.problems(CustomerRequestType.TEMPORARY_MAILBOXES, domain, null, "down"));
        assertEquals("back to the feed for customer.example: server is up again",
                CustomerRequest.feedReturn(domain, "server is up again", "customer", NOW).describe());
    }

    @Test
    void aRequestIsForOneOfTheCustomersOwnDomains() {
        assertEquals(Map.of(Field.DOMAIN, CustomerRequest.Invalid.NOT_A_DOMAIN_OF_THE_CUSTOMER),
                CustomerRequest.problems(CustomerRequestType.QUEUE_EXTENSION, null, 2, "away"));
    }

    @Test
    void everyRequestNeedsAReasonOfReadableLength() {
        assertEquals(Map.of(Field.REASON, Reason.Problem.REASON_MISSING),
                CustomerRequest.problems(CustomerRequestType.TEMPORARY_MAILBOXES, domain, null, "  "));
        assertEquals(Map.of(Field.REASON, Reason.Problem.REASON_TOO_LONG),
                CustomerRequest.problems(CustomerRequestType.TEMPORARY_MAILBOXES, domain, null, "x".repeat(1001)));
        assertThrows(IllegalArgumentException.class,
                () -> CustomerRequest.temporaryMailboxes(domain, "", "customer", NOW));
    }

    @Test
    void aMailboxRequestNeedsNoDays() {
        CustomerRequest request = CustomerRequest.temporaryMailboxes(domain, "our server is being replaced", "customer", NOW);
        assertNull(request.getExtension());
        assertEquals(CustomerRequestType.TEMPORARY_MAILBOXES, request.getType());
    }

    @Test
    void approvalRecordsWhoAndWhen() {
        CustomerRequest request = CustomerRequest.temporaryMailboxes(domain, "server replaced", "customer", NOW);
        request.approve("staff", NOW.plusSeconds(60));

        assertEquals(CustomerRequestState.APPROVED, request.getState());
        assertEquals("staff", request.getDecision().getDecidedBy());
        assertEquals(NOW.plusSeconds(60), request.getDecision().getDecidedAt());
        assertNull(request.getDecision().getRejectionReason());
    }

    @Test
    void aRejectionNeedsAReasonAndKeepsIt() {
        CustomerRequest request = CustomerRequest.queueExtension(domain, 2, "holiday", "customer", NOW);

        assertThrows(IllegalArgumentException.class, () -> request.reject(" ", "staff", NOW));
        assertEquals(CustomerRequestState.SUBMITTED, request.getState());

        request.reject("two days are enough for a holiday", "staff", NOW);
        assertEquals(CustomerRequestState.REJECTED, request.getState());
        assertEquals("two days are enough for a holiday", request.getDecision().getRejectionReason());
    }

    @Test
    void aDecidedRequestIsNotDecidedAgain() {
        CustomerRequest request = CustomerRequest.queueExtension(domain, 2, "holiday", "customer", NOW);
        request.approve("staff", NOW);

        assertThrows(IllegalStateException.class, () -> request.reject("changed my mind", "staff", NOW));
        assertThrows(IllegalStateException.class, () -> request.approve("staff", NOW));
        assertEquals(CustomerRequestState.APPROVED, request.getState());
    }
}
