package net.smtpfeed.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import net.smtpfeed.relay.testing.FreePorts;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Issue 6's "done when", walked through the portal: while the customer's server is down their mail waits; staff switch
 * the domain to mailboxes, where the waiting and the new mail are read in webmail; the server is back, staff switch the
 * domain back choosing to deliver, and the server receives every message once while the mailboxes are gone.
 */
@ExtendWith(ArquillianExtension.class)
class MailboxSwitchInPortalIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return Deployments.productEar();
    }

    @Test
    void mailWaitingForADownServerIsReadInWebmailAndReachesItOnceAfterTheSwitchBack() throws Exception {
        int serverPort = FreePorts.any();
        String domain = TestSystem.hostedDomain("customer", serverPort);
        String waiting1 = send(domain, "waiting 1");
        String waiting2 = send(domain, "waiting 2");
        assertTrue(TestSystem.awaitDeliveryState(waiting1, "DEFERRED", TIMEOUT).startsWith("DEFERRED"));
        assertTrue(TestSystem.awaitDeliveryState(waiting2, "DEFERRED", TIMEOUT).startsWith("DEFERRED"));

        try (Browser staff = new Browser(); Browser customer = new Browser()) {
            staff.logIn("staff", "staff");
            String switched = MailboxPages.switchToMailboxes(staff, domain);
            assertTrue(switched.startsWith(domain + " is on temporary mailboxes now: 2 waiting message(s)"), switched);
            MailboxPages.createMailbox(staff, "info", true);
            assertEquals("STORED", TestSystem.awaitDeliveryState(waiting1, "STORED", TIMEOUT));
            assertEquals("STORED", TestSystem.awaitDeliveryState(waiting2, "STORED", TIMEOUT));
            String afterSwitch = send(domain, "after the switch");
            assertEquals("STORED", TestSystem.awaitDeliveryState(afterSwitch, "STORED", TIMEOUT));

            customer.logIn("customer", "customer").click(By.id("nav-mailboxes")).click(By.linkText("info@" + domain));
            assertEquals("3 message(s), 3 unread", customer.text(By.id("mailbox-counts")));
            assertEquals(List.of("after the switch", "waiting 2", "waiting 1"), customer.script(
                    "return Array.from(document.querySelectorAll('#webmail\\\\:messages td.subject')).map(c => c.innerText.trim());"));
            customer.screenshot("e2e-webmail-after-switch");

            try (CustomerMailServer server = CustomerMailServer.startOn(serverPort)) {
                MailboxPages.open(staff, domain);
                staff.click(By.xpath("//label[starts-with(normalize-space(), 'Deliver them')]"));
                staff.click(By.id("switch-back:switch-back-button"));
                MailboxPages.confirm(staff);

                assertEquals(domain + " is back on its SMTP feed to 127.0.0.1:" + serverPort + ": 3 message(s) from its "
                        + "mailboxes are queued for delivery, and its 1 mailbox(es) are deleted.",
                        staff.awaitText(By.id("feedback"), "is back on its SMTP feed"));
                staff.screenshot("e2e-switched-back");
                for (String queueId : List.of(waiting1, waiting2, afterSwitch)) {
                    assertEquals("DELIVERED", TestSystem.awaitDeliveryState(queueId, "DELIVERED", TIMEOUT));
                }
                Thread.sleep(2_000);
                assertEquals(List.of("after the switch", "waiting 1", "waiting 2"), server.received().stream()
                        .map(received -> received.data().lines().filter(line -> line.startsWith("Subject: "))
                                .findFirst().orElseThrow().substring("Subject: ".length()))
                        .sorted().toList(), "every message once");
            }

            assertEquals("SMTP feed", staff.text(By.id("mode")));
            assertFalse(staff.pageText().contains("info@" + domain), "the mailbox is gone");
            customer.click(By.id("nav-mailboxes"));
            assertFalse(customer.pageText().contains(domain), "the customer's mailbox is gone");
        }
    }

    private static String send(String domain, String subject) throws Exception {
        String reply = TestSystem.sendMail("info@" + domain, "Subject: " + subject + "\r\n\r\n" + subject + "\r\n");
        assertTrue(reply.startsWith("250 "), reply);
        return TestSystem.queueId(reply);
    }
}
