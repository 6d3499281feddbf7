package net.smtpfeed.relay.smtp;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import net.smtpfeed.domain.hosting.DomainName;
import net.smtpfeed.domain.hosting.HostedDomain;

/**
 * The relay policy read from the hosted domains table, so that a domain made live in the portal is live at once. One
 * read, so no transaction of its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class HostedDomainRelayPolicy implements RelayPolicy {

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    @Override
    public Optional<AcceptingDomain> acceptingDomain(DomainName domain) {
        return em.createNamedQuery(HostedDomain.BY_NAME, HostedDomain.class)
                .setParameter("name", domain.value())
                .getResultList().stream()
                .filter(HostedDomain::acceptsMail)
                .map(d -> new AcceptingDomain(d.getId(), d.getName(), d.isGreylisting(),
                        d.isSpamChecking() ? Optional.of(d.getSpamPolicy()) : Optional.empty()))
                .findFirst();
    }
}
