package net.smtpfeed.relay.filter;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.mail.Refusal;
import net.smtpfeed.domain.mail.Stage;
import net.smtpfeed.relay.smtp.Envelope;

/** Keeps a trace of a message refused after DATA, for each recipient domain, in a transaction of its own. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RefusalLog {

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    public void record(Envelope envelope, Stage stage, String reason, Instant now) {
        envelope.recipients().stream().map(Envelope.Recipient::domainId).distinct()
                .forEach(domainId -> em.persist(new Refusal(now, em.getReference(HostedDomain.class, domainId),
                        envelope.clientAddress(), envelope.sender(), stage, reason)));
    }
}
