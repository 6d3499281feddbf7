package net.smtpfeed.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Greylisting over real SMTP, with the test relay's delay of 2 seconds (the product's default is 5 minutes). */
@ExtendWith(ArquillianExtension.class)
class GreylistIT {

    private static final String MESSAGE = "From: Sender <sender@elsewhere.example>\r\nSubject: greylisting\r\n\r\nhello\r\n";

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return Deployments.productEar();
    }

    @Test
    void aFirstAttemptIsTurnedAwayAndTheRetryAfterTheDelayIsDelivered() throws Exception {
        try (CustomerMailServer customerServer = CustomerMailServer.start()) {
            String domain = TestSystem.greylistingDomain("customer", customerServer.port());

            String first = TestSystem.sendMail("someone@" + domain, MESSAGE);
            String tooSoon = TestSystem.sendMail("someone@" + domain, MESSAGE);
            Thread.sleep(2_500);
            String afterTheDelay = TestSystem.sendMail("someone@" + domain, MESSAGE);

            assertTrue(first.matches("451 4\\.7\\.1 greylisted, please try again in [12] seconds"), first);
            assertTrue(tooSoon.startsWith("451 4.7.1 greylisted"), tooSoon);
            assertTrue(afterTheDelay.startsWith("250 "), afterTheDelay);
            assertEquals(1, customerServer.awaitMessages(1, Duration.ofSeconds(30)).size());
            List<String> timeline = TestSystem.timeline(TestSystem.queueId(afterTheDelay));
            assertTrue(timeline.stream().anyMatch(line -> line.startsWith("GREYLIST PASSED someone@" + domain)), timeline.toString());
        }
    }

    @Test
    void aDomainWithGreylistingOffTakesTheFirstAttempt() throws Exception {
        try (CustomerMailServer customerServer = CustomerMailServer.start()) {
            String domain = TestSystem.hostedDomain("customer", customerServer.port());
            assertTrue(TestSystem.sendMail("someone@" + domain, MESSAGE).startsWith("250 "));
        }
    }
}
