package net.smtpfeed.relay.smtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.subethamail.smtp.TooMuchDataException;

class SpooledMessageTest {

    private static final byte[] TRACE = "Received: from client by relay\r\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aSmallMessageReadsBackAsOurTraceHeaderFollowedByItsBytes() throws IOException {
        byte[] body = "Subject: hello\r\n\r\nshort note\r\n".getBytes(StandardCharsets.US_ASCII);
        try (SpooledMessage spooled = SpooledMessage.spool(new ByteArrayInputStream(body), TRACE, 1_000_000)) {
            assertArrayEquals(concat(TRACE, body), readAll(spooled));
            assertEquals(TRACE.length + body.length, spooled.size());
        }
    }

    @Test
    void aMessageLargerThanWhatIsKeptInMemoryReadsBackWhole() throws IOException {
        byte[] body = new byte[SpooledMessage.IN_MEMORY_LIMIT * 3 + 17];
        Arrays.fill(body, (byte) 'x');
        try (SpooledMessage spooled = SpooledMessage.spool(new ByteArrayInputStream(body), TRACE, 10_000_000)) {
            assertArrayEquals(concat(TRACE, body), readAll(spooled));
            assertEquals(TRACE.length + body.length, spooled.size());
        }
    }

    @Test
    void receivedHeadersOfEarlierHopsAreCounted() throws IOException {
        byte[] body = "Received: from a\r\nReceived: from b\r\nSubject: x\r\n\r\nReceived: in the body\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        try (SpooledMessage spooled = SpooledMessage.spool(new ByteArrayInputStream(body), TRACE, 1_000_000)) {
            assertEquals(2, spooled.receivedHeaders());
        }
    }

    @Test
    void dataPastTheLimitIsTooMuchData() {
        byte[] body = new byte[SpooledMessage.IN_MEMORY_LIMIT * 2];
        assertThrows(TooMuchDataException.class,
                () -> SpooledMessage.spool(new ByteArrayInputStream(body), TRACE, SpooledMessage.IN_MEMORY_LIMIT));
    }

    private static byte[] readAll(SpooledMessage spooled) throws IOException {
        try (InputStream in = spooled.open()) {
            return in.readAllBytes();
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
