package net.smtpfeed.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import net.smtpfeed.relay.testing.FreePorts;
import net.smtpfeed.relay.testing.SmtpConversation;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One message over real SMTP into the deployed relay and on to a real SMTP server standing in for the customer's. */
@ExtendWith(ArquillianExtension.class)
class MessagePathIT {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return Deployments.productEar();
    }

    @Test
    void aMessageForAHostedDomainReachesTheCustomersServerWithItsBodyIntact() throws Exception {
        try (CustomerMailServer customerServer = CustomerMailServer.start()) {
            String domain = TestSystem.hostedDomain("customer", customerServer.port());
            String body = "Dear customer,\r\n\r\nthe relay keeps every byte.\r\n.A line starting with a dot\r\nUmlauts stay 8-bit: \u00e4\u00f6\u00fc\r\n";
            String message = "From: Sender <sender@elsewhere.example>\r\nTo: someone@" + domain + "\r\n"
                    + "Subject: walking skeleton\r\nMessage-ID: <skeleton-1@elsewhere.example>\r\n\r\n" + body;

            String reply = TestSystem.sendMail("someone@" + domain, message);

            assertTrue(reply.matches("250 2\\.0\\.0 Ok: queued as [0-9A-Z]+"), reply);
            List<CustomerMailServer.Received> received = customerServer.awaitMessages(1, DELIVERY_TIMEOUT);
            assertEquals(1, received.size(), "delivered to the customer's server");
            CustomerMailServer.Received delivered = received.get(0);
            assertEquals("sender@elsewhere.example", delivered.sender());
            assertEquals(List.of("someone@" + domain), delivered.recipients());
            String data = delivered.data();
            assertTrue(data.endsWith(message), "the message arrives unchanged after the Received headers:\n" + data);
            assertTrue(data.contains("by localhost"), "our relay added its Received header:\n" + data);
            // The relay records the delivery once the server has answered the final dot: a moment after the arrival.
            assertEquals("DELIVERED", TestSystem.awaitDeliveryState(TestSystem.queueId(reply), "DELIVERED", DELIVERY_TIMEOUT));
        }
    }

    @Test
    void mailForADomainWeDoNotHostIsRefusedAsRelaying() throws Exception {
        try (SmtpConversation smtp = SmtpConversation.open("127.0.0.1", TestSystem.smtpPort())) {
            smtp.send("EHLO mx.elsewhere.example");
            assertTrue(smtp.send("MAIL FROM:<sender@elsewhere.example>").startsWith("250"));
            assertEquals("550 5.7.1 relaying denied", smtp.send("RCPT TO:<someone@not-hosted.example>"));
        }
    }

    @Test
    void mailForACustomerWhoseServerIsDownIsKeptInTheQueue() throws Exception {
        String domain = TestSystem.hostedDomain("customer", FreePorts.any());
        String reply = TestSystem.sendMail("someone@" + domain, "Subject: wait for me\r\n\r\nbody\r\n");
        assertTrue(reply.startsWith("250 "), reply);
        String queueId = TestSystem.queueId(reply);

        String state = TestSystem.awaitDeliveryState(queueId, "DEFERRED", DELIVERY_TIMEOUT);
        assertTrue(state.startsWith("DEFERRED: "), "deferred with the reason, not lost: " + state);
        assertTrue(state.toLowerCase().contains("connect"), state);
    }
}
