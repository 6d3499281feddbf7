package net.smtpfeed.relay.metrics;

import java.io.IOException;
import java.io.InputStream;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;

/**
 * Counts what one SMTP mail transaction came to: every refusal by its reason, and every message accepted. All refusals
 * leave the relay as a RejectException, so counting them here counts them once, in one place.
 */
public final class MeteredMessageHandler implements MessageHandler {

    private final MessageHandler handler;
    private final RelayMeters meters;

    public MeteredMessageHandler(MessageHandler handler, RelayMeters meters) {
        this.handler = handler;
        this.meters = meters;
    }

    @Override
    public void from(String from) throws RejectException {
        try {
            handler.from(from);
        } catch (RejectException e) {
            throw counted(e);
        }
    }

    @Override
    public void recipient(String recipient) throws RejectException {
        try {
            handler.recipient(recipient);
        } catch (RejectException e) {
            throw counted(e);
        }
    }

    @Override
    public String data(InputStream data) throws RejectException, IOException {
        try {
            String reply = handler.data(data);
            meters.accepted();
            return reply;
        } catch (RejectException e) {
            throw counted(e);
        }
    }

    @Override
    public void done() {
        handler.done();
    }

    private RejectException counted(RejectException refusal) {
        meters.refused(RefusalReason.of(refusal.getCode(), refusal.getMessage()));
        return refusal;
    }
}
