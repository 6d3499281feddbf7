package net.smtpfeed.relay.node;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import net.smtpfeed.domain.operations.QueueSample;
import net.smtpfeed.domain.operations.RelayNode;

/** Writes this node's row in the table of relay nodes, and its queue samples; each in a transaction of its own. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class NodeRegister {

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    public void started(String node, String version, Instant at) {
        RelayNode row = em.find(RelayNode.class, node);
        if (row == null) {
            em.persist(new RelayNode(node, version, at));
        } else {
            row.started(version, at);
        }
    }

    public void seen(String node, Instant at) {
        RelayNode row = em.find(RelayNode.class, node);
        if (row != null) {
            row.seen(at);
        }
    }

    /**
     * Notes a sample, and forgets the samples older than the given time and the nodes not seen since then (a node
     * taken out of service leaves the status page once its history has gone too).
     */
    public void sample(QueueSample sample, Instant forgetBefore) {
        em.persist(sample);
        em.createQuery("delete from QueueSample s where s.sampledAt < :before").setParameter("before", forgetBefore)
                .executeUpdate();
        em.createQuery("delete from RelayNode n where n.lastSeenAt < :before").setParameter("before", forgetBefore)
                .executeUpdate();
    }
}
