package net.smtpfeed.domain.login;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The failed logins in the database, shared by every portal node, and the throttle's verdict on them. Account names
 * are compared as the identity store does, without case or surrounding blanks. Inside the caller's transaction.
 */
public final class LoginFailures {

    /** Longer than any account name the portal keeps; a longer attempt is counted under its start. */
    private static final int MAX_ACCOUNT_LENGTH = 100;

    private final EntityManager em;
    private final LoginThrottle throttle;

    public LoginFailures(EntityManager em, LoginThrottle throttle) {
        this.em = em;
        this.throttle = throttle;
    }

    /** Until when this account, or this address, may not try to log in; empty when it may. */
    public Optional<Instant> refusedUntil(String account, String clientAddress, Instant now) {
        Instant since = throttle.countsSince(now);
        return throttle.refusedUntil(failedAt("f.account", normalised(account), since),
                failedAt("f.clientAddress", clientAddress, since), now);
    }

    /** Counts a failure, and forgets the failures no throttle counts any longer. */
    public void failed(String account, String clientAddress, Instant now) {
        em.persist(new LoginFailure(normalised(account), clientAddress, now));
        em.createQuery("delete from LoginFailure f where f.failedAt < :before")
                .setParameter("before", throttle.countsSince(now))
                .executeUpdate();
    }

    /** A successful login forgets the account's failures (not the address's: one good password opens no door). */
    public void succeeded(String account) {
        em.createQuery("delete from LoginFailure f where f.account = :account")
                .setParameter("account", normalised(account))
                .executeUpdate();
    }

    private List<Instant> failedAt(String column, String value, Instant since) {
        return em.createQuery("select f.failedAt from LoginFailure f where " + column + " = :value and f.failedAt >= :since",
                        Instant.class)
                .setParameter("value", value)
                .setParameter("since", since)
                .getResultList();
    }

    private static String normalised(String account) {
        String name = account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
        return name.length() <= MAX_ACCOUNT_LENGTH ? name : name.substring(0, MAX_ACCOUNT_LENGTH);
    }
}
