package net.smtpfeed.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import net.smtpfeed.relay.testing.FreePorts;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The queue of the deployed relay against customer servers that refuse, vanish and come back. The server runs with
 * retries every 2 to 4 seconds (arquillian.xml) and sends its notices through the outbound relay this test runs.
 */
@ExtendWith(ArquillianExtension.class)
class QueueIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static CustomerMailServer outboundRelay;

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return Deployments.productEar();
    }

    @BeforeAll
    static void startOutboundRelay() {
        outboundRelay = CustomerMailServer.startOn(Integer.getInteger("e2e.bounce-port"));
    }

    @AfterAll
    static void stopOutboundRelay() {
        outboundRelay.close();
    }

    @Test
    void aServerThatRefusesWith451GetsTheMessageOnceTheRefusalEnds() throws Exception {
        try (CustomerMailServer customerServer = CustomerMailServer.start()) {
            customerServer.refuseEveryRecipientWith("451 4.3.0 try again later");
            String domain = TestSystem.hostedDomain("customer", customerServer.port());
            String queueId = TestSystem.queueId(TestSystem.sendMail("someone@" + domain, "Subject: patience\r\n\r\nbody\r\n"));

            assertTrue(TestSystem.awaitDeliveryState(queueId, "DEFERRED", TIMEOUT).contains("451 4.3.0"));
            customerServer.refuseEveryRecipientWith(null);

            assertEquals(1, customerServer.awaitMessages(1, TIMEOUT).size());
            assertEquals("DELIVERED", TestSystem.awaitDeliveryState(queueId, "DELIVERED", TIMEOUT));
        }
    }

    @Test
    void aPermanentRefusalBouncesAndTheSenderGetsOneNotice() throws Exception {
        try (CustomerMailServer customerServer = CustomerMailServer.start()) {
            customerServer.refuseLocalPart("nobody");
            String domain = TestSystem.hostedDomain("customer", customerServer.port());
            String sender = "bounce-me-" + System.nanoTime() + "@elsewhere.example";
            String queueId = TestSystem.queueId(TestSystem.sendMail(sender, "nobody@" + domain,
                    "Subject: to a mailbox that does not exist\r\n\r\nbody\r\n"));

            assertTrue(TestSystem.awaitDeliveryState(queueId, "BOUNCED", TIMEOUT).contains("550 5.1.1"));
            List<CustomerMailServer.Received> notices = awaitNoticesTo(sender, 1);
            Thread.sleep(2_000);
            assertEquals(1, noticesTo(sender).size(), "exactly one notice");
            CustomerMailServer.Received notice = notices.get(0);
            assertEquals("", notice.sender(), "a notice has the null sender, so that it is never bounced itself");
            assertTrue(notice.data().contains("multipart/report"), notice.data());
            assertTrue(notice.data().contains("Final-Recipient: rfc822; nobody@" + domain), notice.data());
            assertTrue(notice.data().contains("Status: 5.1.1"), notice.data());
            assertTrue(notice.data().contains("Subject: to a mailbox that does not exist"), "the original headers come back");
        }
    }

    @Test
    void aMessageFromTheNullSenderIsNeverBounced() throws Exception {
        try (CustomerMailServer customerServer = CustomerMailServer.start()) {
            customerServer.refuseLocalPart("nobody");
            String domain = TestSystem.hostedDomain("customer", customerServer.port());
            String queueId = TestSystem.queueId(TestSystem.sendMail("", "nobody@" + domain,
                    "Subject: a bounce for a mailbox that does not exist\r\n\r\nbody\r\n"));

            assertTrue(TestSystem.awaitDeliveryState(queueId, "BOUNCED", TIMEOUT).startsWith("BOUNCED"));
            Thread.sleep(3_000);
            assertTrue(outboundRelay.received().stream().noneMatch(n -> n.data().contains(queueId)),
                    "no notice about " + queueId);
        }
    }

    @Test
    void mailThatOutlivesItsQueueLifetimeExpiresAndTheSenderIsTold() throws Exception {
        String domain = TestSystem.hostedDomain("customer", FreePorts.any(), Duration.ofSeconds(3));
        String sender = "expire-me-" + System.nanoTime() + "@elsewhere.example";
        String queueId = TestSystem.queueId(TestSystem.sendMail(sender, "someone@" + domain, "Subject: too late\r\n\r\nbody\r\n"));

        assertTrue(TestSystem.awaitDeliveryState(queueId, "EXPIRED", TIMEOUT).startsWith("EXPIRED"));
        CustomerMailServer.Received notice = awaitNoticesTo(sender, 1).get(0);
        assertTrue(notice.data().contains("Status: 4.4.7"), notice.data());
        assertTrue(notice.data().contains(queueId), "the notice names the message's queue id");
    }

    @Test
    void whenAServerComesBackEverythingQueuedForItArrivesInArrivalOrder() throws Exception {
        int port = FreePorts.any();
        String domain = TestSystem.hostedDomain("customer", port);
        List<String> queueIds = IntStream.rangeClosed(1, 5).mapToObj(i -> send("someone@" + domain, "Subject: " + i + " of 5"))
                .toList();
        for (String queueId : queueIds) {
            assertTrue(TestSystem.awaitDeliveryState(queueId, "DEFERRED", TIMEOUT).startsWith("DEFERRED"));
        }

        try (CustomerMailServer customerServer = CustomerMailServer.startOn(port)) {
            List<CustomerMailServer.Received> received = customerServer.awaitMessages(5, TIMEOUT);
            assertEquals(List.of("1 of 5", "2 of 5", "3 of 5", "4 of 5", "5 of 5"),
                    received.stream().map(r -> r.data().replaceAll("(?s).*Subject: ([^\r\n]*).*", "$1")).toList());
        }
    }

    private static String send(String recipient, String subjectLine) {
        try {
            return TestSystem.queueId(TestSystem.sendMail(recipient, subjectLine + "\r\n\r\nbody\r\n"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<CustomerMailServer.Received> noticesTo(String sender) {
        return outboundRelay.received().stream().filter(n -> n.recipients().equals(List.of(sender))).toList();
    }

    private static List<CustomerMailServer.Received> awaitNoticesTo(String sender, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TIMEOUT.toMillis();
        while (noticesTo(sender).size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        List<CustomerMailServer.Received> notices = noticesTo(sender);
        assertEquals(count, notices.size(), "notices to " + sender);
        return notices;
    }
}
