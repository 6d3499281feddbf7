package net.smtpfeed.relay.delivery;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.domain.mail.Delivery;
import net.smtpfeed.domain.mail.DestinationStatus;
import net.smtpfeed.domain.mail.RetrySchedule;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the queue from hammering a customer's server that is down: while it is failing, one worker per retry step
 * probes it and the rest of its mail waits; when it answers again, all its deferred mail is due at once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DestinationGate {

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    @Inject
    private RetrySchedule schedule;

    @Inject
    @ConfigProperty(name = "smtpfeed.delivery.connect-timeout", defaultValue = "PT30S")
    Duration connectTimeout;

    /** Empty when this worker may connect now; otherwise when the destination may next be tried. */
    public Optional<Instant> closedUntil(String destination, Instant now) {
        DestinationStatus status = em.find(DestinationStatus.class, destination, LockModeType.PESSIMISTIC_WRITE);
        if (status == null || status.admitsProbe(now, connectTimeout.multipliedBy(2))) {
            return Optional.empty();
        }
        return Optional.of(status.getNextAttemptAt());
    }

    public void failed(String destination, String error, Instant now) {
        DestinationStatus status = em.find(DestinationStatus.class, destination, LockModeType.PESSIMISTIC_WRITE);
        if (status == null) {
            status = new DestinationStatus(destination);
            status.failed(error, schedule, now);
            em.persist(status);
        } else {
            status.failed(error, schedule, now);
        }
    }

    /** The destination answered: it is open again, and the mail that waited for it is due now, in arrival order. */
    public void answered(Destination destination, Instant now) {
        DestinationStatus status = em.find(DestinationStatus.class, destination.toString());
        if (status != null) {
            em.remove(status);
            List<Long> domains = em.createQuery("""
                            select d.id from HostedDomain d
                            where d.destination.host = :host and d.destination.port = :port""", Long.class)
                    .setParameter("host", destination.getHost()).setParameter("port", destination.getPort())
                    .getResultList();
            if (!domains.isEmpty()) {
                em.createNamedQuery(Delivery.RELEASE_DEFERRED_OF_DOMAINS).setParameter("now", now)
                        .setParameter("domainIds", domains).executeUpdate();
            }
        }
    }
}
