package net.smtpfeed.relay.queue;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.mail.DomainQueue;

/**
 * Staff's actions on one domain's waiting mail, each in one transaction; the rules are DomainQueue's. Only a caller in
 * the STAFF role gets through: the portal's login propagates to this bean, so a staff action is never one page
 * mistake away from a customer.
 */
@Stateless
@RolesAllowed("STAFF")
public class QueueAdministrationService implements QueueAdministration {

    private static final Logger LOG = Logger.getLogger(QueueAdministrationService.class.getName());

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    @Inject
    private Event<MailDueNow> madeDue;

    @Override
    public DomainQueue.RetryNow retryNow(String domainName) {
        DomainQueue.RetryNow retry = new DomainQueue(em).retryNow(domain(domainName), Instant.now());
        madeDue.fire(new MailDueNow(retry.domain()));
        LOG.info(() -> "retry now for " + retry.domain() + ": " + retry.deliveriesDue() + " deliveries due now"
                + (retry.destination() == null ? "" : ", " + retry.destination() + " open to the next worker"));
        return retry;
    }

    @Override
    public DomainQueue.LifetimeExtended extendQueueLifetime(String domainName, Duration extra) {
        DomainQueue.LifetimeExtended extension = new DomainQueue(em).extendQueueLifetime(domain(domainName), extra);
        LOG.info(() -> "queue lifetime of " + extension.domain() + " extended by " + extra + " to "
                + extension.queueLifetime() + "; " + extension.deliveriesExtended() + " waiting deliveries expire later");
        return extension;
    }

    private HostedDomain domain(String name) {
        return em.createNamedQuery(HostedDomain.BY_NAME, HostedDomain.class).setParameter("name", name)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no hosted domain " + name));
    }
}
