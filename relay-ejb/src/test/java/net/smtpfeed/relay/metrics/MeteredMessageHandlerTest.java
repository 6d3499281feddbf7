package net.smtpfeed.relay.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;

class MeteredMessageHandlerTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RelayMeters meters = new RelayMeters();

    MeteredMessageHandlerTest() {
        meters.registry = registry;
    }

    @Test
    void aRefusedRecipientIsCountedByItsReason() {
        MessageHandler handler = new MeteredMessageHandler(new Refusing(550, "5.7.1 relaying denied"), meters);

        assertThrows(RejectException.class, () -> handler.recipient("someone@elsewhere.example"));

        assertEquals(1.0, registry.counter("smtpfeed_messages_refused", "reason", "relaying_denied").count());
        assertEquals(0.0, meters.acceptedTotal());
    }

    @Test
    void aQueuedMessageIsCountedAsAccepted() throws Exception {
        MessageHandler handler = new MeteredMessageHandler(new Refusing(0, null), meters);

        handler.data(new ByteArrayInputStream(new byte[0]));

        assertEquals(1.0, meters.acceptedTotal());
    }

    /** A handler that refuses every command with the given reply, or accepts everything when the code is 0. */
    private record Refusing(int code, String text) implements MessageHandler {

        @Override
        public void from(String from) throws RejectException {
            refuse();
        }

        @Override
        public void recipient(String recipient) throws RejectException {
            refuse();
        }

        @Override
        public String data(InputStream data) throws RejectException {
            refuse();
            return "2.0.0 Ok: queued as TEST";
        }

        @Override
        public void done() {
        }

        private void refuse() throws RejectException {
            if (code != 0) {
                throw new RejectException(code, text);
            }
        }
    }
}
