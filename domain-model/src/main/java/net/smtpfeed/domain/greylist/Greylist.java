package net.smtpfeed.domain.greylist;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The greylisting decision for one recipient at RCPT TO, kept in the database so that every relay node agrees. Works in
 * the caller's transaction (like {@link net.smtpfeed.domain.mail.DeliveryClaims}); the rows it reads are locked
 * (SELECT ... FOR UPDATE) until that transaction ends, so keep it short: one check, commit.
 *
 * <p>Two nodes that see the same new triplet at once both find no row and both insert it; the unique hash lets one
 * insert through and fails the other with a {@link jakarta.persistence.PersistenceException} (a duplicate key on H2, a
 * duplicate key or a deadlock on MySQL/MariaDB), which leaves the caller's transaction unusable. Run {@link #check} in a
 * transaction of its own (REQUIRES_NEW), and on a PersistenceException roll it back and answer as for
 * {@code new Defer(settings.delay())}: the other node recorded the triplet, so the client's retry finds it. The same
 * holds for the first pass counted for a new network. When the second node's lookup comes after the first node's
 * insert, it waits for the first node's commit and then sees the row (MySQL/MariaDB), which needs no handling.
 */
public final class Greylist {

    private final EntityManager em;
    private final GreylistSettings settings;

    public Greylist(EntityManager em, GreylistSettings settings) {
        this.em = em;
        this.settings = settings;
    }

    /** Pass or Defer for this attempt, recording it: call once per recipient and attempt. */
    public GreylistVerdict check(Triplet triplet, Instant now) {
        GreylistNetwork network = em.find(GreylistNetwork.class, triplet.network().value());
        if (network != null && network.isWhitelisted(now, settings)) {
            // A bulk update of last_seen alone: writing the whole row back could undo a pass another node counts meanwhile.
            em.createNamedQuery(GreylistNetwork.SEEN).setParameter("now", now)
                    .setParameter("network", network.getNetwork()).executeUpdate();
            return new GreylistVerdict.Pass("client network whitelisted after " + network.getPasses() + " passes");
        }
        GreylistEntry entry = lockedEntry(triplet);
        if (entry == null) {
            em.persist(new GreylistEntry(triplet, now));
            return new GreylistVerdict.Defer(settings.delay());
        }
        if (entry.isPassed()) {
            if (entry.getLastSeen().plus(settings.maxAge()).isBefore(now)) {
                entry.startOver(now);
                return new GreylistVerdict.Defer(settings.delay());
            }
            entry.seen(now);
            return new GreylistVerdict.Pass("whitelisted triplet");
        }
        Instant passesFrom = entry.getFirstSeen().plus(settings.delay());
        if (now.isBefore(passesFrom)) {
            entry.seen(now);
            return new GreylistVerdict.Defer(Duration.between(now, passesFrom));
        }
        if (now.isAfter(entry.getFirstSeen().plus(settings.retryWindow()))) {
            entry.startOver(now);
            return new GreylistVerdict.Defer(settings.delay());
        }
        Duration waited = Duration.between(entry.getFirstSeen(), now);
        entry.passed(now);
        countPass(triplet.network(), now);
        return new GreylistVerdict.Pass("retried after " + waited.toSeconds() + " s");
    }

    /**
     * Deletes never-passed triplets whose retry window is over, passed triplets and networks unseen for longer than
     * maxAge: for the scheduled clean-up, in a transaction of its own.
     *
     * @return how many rows were deleted, triplets and networks together
     */
    public int purge(Instant now) {
        Instant maxAgeStart = now.minus(settings.maxAge());
        int entries = em.createNamedQuery(GreylistEntry.PURGE)
                .setParameter("retryWindowStart", now.minus(settings.retryWindow()))
                .setParameter("maxAgeStart", maxAgeStart).executeUpdate();
        int networks = em.createNamedQuery(GreylistNetwork.PURGE).setParameter("maxAgeStart", maxAgeStart).executeUpdate();
        return entries + networks;
    }

    private GreylistEntry lockedEntry(Triplet triplet) {
        List<GreylistEntry> found = em.createNamedQuery(GreylistEntry.BY_HASH, GreylistEntry.class)
                .setParameter("hash", triplet.hash()).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private void countPass(ClientNetwork clientNetwork, Instant now) {
        GreylistNetwork network = em.find(GreylistNetwork.class, clientNetwork.value(), LockModeType.PESSIMISTIC_WRITE);
        if (network == null) {
            network = new GreylistNetwork(clientNetwork, now);
            em.persist(network);
        }
        network.countPass(now, settings);
    }
}
