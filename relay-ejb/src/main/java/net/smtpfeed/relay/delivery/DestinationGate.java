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

    /** What a worker may do with a destination now: connect, connect as the one probe, or wait until a time. */
    public record Admission(Instant closedUntil, boolean probe) {

        static final Admission OPEN = new Admission(null, false);

        public boolean isClosed() {
            return closedUntil != null;
        }
    }

    /**
     * The usual case, a destination with no status, costs one unlocked primary-key read; only a failing destination
     * is locked, so that of the workers arriving at its next step exactly one probes it.
     */
    public Admission admit(String destination, Instant now) {
        if (em.find(DestinationStatus.class, destination) == null) {
            return Admission.OPEN;
        }
        return em.createQuery("select s from DestinationStatus s where s.destination = :destination", DestinationStatus.class)
                .setParameter("destination", destination)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .map(status -> status.admitsProbe(now, connectTimeout.multipliedBy(2))
                        ? new Admission(null, true)
                        : new Admission(status.getNextAttemptAt(), false))
                .orElse(Admission.OPEN);
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
