package net.smtpfeed.portal.staff;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import net.smtpfeed.domain.mail.DomainQueue;
import net.smtpfeed.domain.mail.PendingMailOfDomain;

/** The hosted domains with mail waiting in the queue, across all customers: a staff view, never a customer's. */
@Stateless
public class QueueOverview {

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    public List<PendingMailOfDomain> pendingByDomain() {
        return new DomainQueue(em).pendingByDomain();
    }
}
