package net.smtpfeed.relay.smtp;

/** Where an inbound message goes once its DATA is complete: into the durable queue, before the 250 is sent. */
public interface MessageQueue {

    /**
     * Stores the message and one delivery per recipient durably and hands it to delivery.
     *
     * @param inspection what the filters found, for the message's timeline and the recipients' domains' actions
     * @return the queue id the sender is told; on return the message is committed and can no longer be lost
     */
    String enqueue(Envelope envelope, SpooledMessage message, Inspection inspection);
}
