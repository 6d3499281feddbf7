package net.smtpfeed.relay.smtp;

import java.util.List;
import org.subethamail.smtp.RejectException;

/** What the end of DATA asks before a message is queued: the content filters' verdict on it. */
public interface ContentInspection {

    /**
     * @return what the filters found, for the message's timeline
     * @throws RejectException when the message is refused; nothing is queued and the client gets that reply
     */
    List<Finding> inspect(Envelope envelope, SpooledMessage message) throws RejectException;
}
