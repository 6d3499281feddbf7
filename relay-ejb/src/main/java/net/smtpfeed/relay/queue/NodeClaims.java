package net.smtpfeed.relay.queue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import net.smtpfeed.domain.mail.DeliveryClaims;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This relay node's hold on the queue: its name, which starts every claim token it stamps (WildFly's node name, which
 * must be unique among the nodes sharing one database, as its transaction manager already requires), and how long a
 * claim holds before another node may take the row.
 */
@ApplicationScoped
public class NodeClaims {

    @Inject
    @ConfigProperty(name = "jboss.node.name", defaultValue = "smtpfeed")
    String node;

    @Inject
    @ConfigProperty(name = "smtpfeed.queue.lease", defaultValue = "PT15M")
    Duration lease;

    /** The claims of this node, in the given persistence context (the caller's transaction). */
    public DeliveryClaims in(EntityManager em) {
        return new DeliveryClaims(em, node);
    }

    public Duration lease() {
        return lease;
    }

    public String node() {
        return node;
    }
}
