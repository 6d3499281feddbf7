package net.smtpfeed.relay.filter;

import java.io.IOException;
import java.io.InputStream;
import net.smtpfeed.relay.smtp.SpooledMessage;

/** A message's raw bytes as a filter reads them: opened as often as needed, never required to fit in the heap. */
public interface ScannableMessage {

    InputStream open() throws IOException;

    long size();

    /** The message the SMTP session spooled, as it came in. */
    static ScannableMessage of(SpooledMessage message) {
        return new ScannableMessage() {
            @Override
            public InputStream open() throws IOException {
                return message.open();
            }

            @Override
            public long size() {
                return message.size();
            }
        };
    }
}
