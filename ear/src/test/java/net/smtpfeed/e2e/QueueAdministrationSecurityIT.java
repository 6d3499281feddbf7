package net.smtpfeed.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import net.smtpfeed.relay.queue.QueueAdministration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * The relay's queue administration refuses a caller who is not staff: here a call from inside the server with no
 * login at all (this test runs in the portal's WAR). That staff get through is what StaffQueueIT and StaffDomainsIT
 * show, through the portal's pages.
 */
@ExtendWith(ArquillianExtension.class)
class QueueAdministrationSecurityIT {

    @Deployment
    static EnterpriseArchive productWithThisTest() {
        EnterpriseArchive ear = Deployments.productEar();
        WebArchive portal = ear.getAsType(WebArchive.class, "portal-web.war");
        portal.addClass(QueueAdministrationSecurityIT.class);
        Testable.archiveToTest(portal);
        return ear;
    }

    @Test
    void retryNowIsRefusedToACallerWhoIsNotStaff() throws Exception {
        assertRefused(() -> queue().retryNow("customer.example"));
    }

    @Test
    void extendingTheQueueLifetimeIsRefusedToACallerWhoIsNotStaff() throws Exception {
        assertRefused(() -> queue().extendQueueLifetime("customer.example", Duration.ofDays(1)));
    }

    /** Refused by the container's role check (jakarta.ejb.EJBAccessException; the test compiles without the EJB API). */
    private static void assertRefused(Executable call) {
        assertEquals("EJBAccessException", assertThrows(RuntimeException.class, call).getClass().getSimpleName());
    }

    private static QueueAdministration queue() throws NamingException {
        return (QueueAdministration) new InitialContext().lookup(
                "java:global/smtpfeed/relay-ejb/QueueAdministrationService!" + QueueAdministration.class.getName());
    }
}
