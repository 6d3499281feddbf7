package net.smtpfeed.relay.queue;

import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import net.smtpfeed.domain.mail.Delivery;
import net.smtpfeed.domain.mail.Quarantine;
import net.smtpfeed.domain.mail.QuarantinedCopy;

/** The quarantine's actions, each in one transaction; the rules are Quarantine's. */
@Stateless
@Local(QuarantineAdministration.class)
@LocalBean
public class QuarantineService implements QuarantineAdministration {

    private static final Logger LOG = Logger.getLogger(QuarantineService.class.getName());

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    @Inject
    private Event<MailDueNow> madeDue;

    @Override
    public List<QuarantinedCopy> quarantined(Quarantine.Scope scope, int max) {
        return new Quarantine(em).list(scope, max);
    }

    @Override
    public boolean release(long deliveryId, Quarantine.Scope scope, String releasedBy) {
        Optional<Delivery> released = new Quarantine(em).release(deliveryId, scope, releasedBy, Instant.now());
        released.ifPresent(d -> {
            madeDue.fire(new MailDueNow(d.getDomain().getName()));
            LOG.info(() -> d.getMessage().getQueueId() + ": to=<" + d.getRecipient() + "> released from quarantine by "
                    + releasedBy);
        });
        return released.isPresent();
    }

    /** Deletes the copies whose quarantine is over. */
    public int purge() {
        return new Quarantine(em).purge(Instant.now());
    }
}
