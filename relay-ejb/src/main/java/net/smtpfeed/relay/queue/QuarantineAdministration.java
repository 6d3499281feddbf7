package net.smtpfeed.relay.queue;

import jakarta.ejb.Local;
import java.util.List;
import net.smtpfeed.domain.mail.Quarantine;
import net.smtpfeed.domain.mail.QuarantinedCopy;

/**
 * The quarantine as the portal sees it: staff see every domain's, a customer their own domains'. Part of the relay's
 * client jar, like {@link QueueAdministration}.
 */
@Local
public interface QuarantineAdministration {

    /** The quarantined copies in scope, newest first, at most {@code max}. */
    List<QuarantinedCopy> quarantined(Quarantine.Scope scope, int max);

    /**
     * Releases one copy to delivery; the relay delivers it as soon as this has committed.
     *
     * @return false when that copy is no longer in quarantine (released or purged meanwhile) or not in scope
     */
    boolean release(long deliveryId, Quarantine.Scope scope, String releasedBy);
}
