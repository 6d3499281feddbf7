package net.smtpfeed.portal.security;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import net.smtpfeed.domain.login.LoginFailures;
import net.smtpfeed.domain.login.LoginThrottle;

/** The login page's throttle: asks before a password is checked, and counts what came of it. One transaction each. */
@Stateless
public class LoginGuard {

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    @Inject
    private LoginThrottle throttle;

    /** Until when this account or this address may not try; empty when it may. */
    public Optional<Instant> refusedUntil(String account, String clientAddress) {
        return failures().refusedUntil(account, clientAddress, Instant.now());
    }

    public void failed(String account, String clientAddress) {
        failures().failed(account, clientAddress, Instant.now());
    }

    public void succeeded(String account) {
        failures().succeeded(account);
    }

    private LoginFailures failures() {
        return new LoginFailures(em, throttle);
    }
}
