package net.smtpfeed.relay.smtp;

import java.util.List;

/** The durable queue, taking the messages that reached their final dot together in one transaction. */
public interface MessageBatchQueue {

    /**
     * Stores the messages, each with one delivery per recipient, and hands them to delivery.
     *
     * @return each message's queue id, in the order given; on return all are committed and can no longer be lost
     */
    List<String> enqueueAll(List<Arrival> arrivals);
}
