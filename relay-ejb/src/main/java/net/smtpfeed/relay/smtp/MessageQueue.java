package net.smtpfeed.relay.smtp;

import java.util.List;

/** Where an inbound message goes once its DATA is complete: into the durable queue, before the 250 is sent. */
public interface MessageQueue {

    /**
     * Stores the message and one delivery per recipient durably and hands it to delivery.
     *
     * @param findings what the content filters found, for the message's timeline
     * @return the queue id the sender is told; on return the message is committed and can no longer be lost
     */
    String enqueue(Envelope envelope, SpooledMessage message, List<Finding> findings);
}
