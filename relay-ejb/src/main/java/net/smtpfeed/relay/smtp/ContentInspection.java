package net.smtpfeed.relay.smtp;

import org.subethamail.smtp.RejectException;

/** What the end of DATA asks before a message is queued: the content filters' verdict on it. */
public interface ContentInspection {

    /**
     * @return what the filters found, for the message's timeline and for the recipients' domains to act on
     * @throws RejectException when the message is refused; nothing is queued and the client gets that reply
     */
    Inspection inspect(Envelope envelope, SpooledMessage message) throws RejectException;
}
