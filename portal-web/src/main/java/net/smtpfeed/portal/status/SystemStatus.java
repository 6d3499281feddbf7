package net.smtpfeed.portal.status;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.smtpfeed.domain.mail.DestinationStatus;
import net.smtpfeed.domain.operations.QueueHistory;
import net.smtpfeed.domain.operations.QueueSample;
import net.smtpfeed.domain.operations.RelayNode;
import net.smtpfeed.relay.health.ScannerHealth;

/** What the staff status page shows, read from the database the relay nodes share, and the scanners asked now. */
@Stateless
public class SystemStatus {

    /** How far back the charts go, and the width of one bar. */
    static final Duration SPAN = Duration.ofHours(6);
    static final Duration BUCKET = Duration.ofMinutes(10);

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    @Inject
    private ScannerHealth scanners;

    public List<RelayNode> nodes() {
        return em.createQuery("select n from RelayNode n order by n.name", RelayNode.class).getResultList();
    }

    /** The last {@link #SPAN} in buckets of {@link #BUCKET}, the last one ending at the current bucket's end. */
    public List<QueueHistory.Bucket> history(Instant now) {
        Instant to = Instant.ofEpochMilli((now.toEpochMilli() / BUCKET.toMillis() + 1) * BUCKET.toMillis());
        Instant from = to.minus(SPAN);
        List<QueueSample> samples = em.createQuery("select s from QueueSample s where s.sampledAt >= :from",
                QueueSample.class).setParameter("from", from).getResultList();
        return QueueHistory.of(samples, from, to, BUCKET);
    }

    /** The customers' servers that are not answering, the longest failing first. */
    public List<DestinationStatus> deferredDestinations() {
        return em.createQuery("select s from DestinationStatus s order by s.failures desc, s.destination",
                DestinationStatus.class).getResultList();
    }

    public List<ScannerHealth.Scanner> scanners() {
        return scanners.check();
    }
}
