package net.smtpfeed.relay.smtp;

import java.nio.charset.StandardCharsets;

/**
 * Counts the Received fields of a message's header section as its bytes stream past, remembering nothing but how much
 * of the current line matched; the body, after the first empty line, is not looked at.
 */
final class ReceivedHeaderCounter {

    private static final byte[] FIELD_NAME = "received:".getBytes(StandardCharsets.US_ASCII);
    private static final int NOT_THIS_LINE = -1;

    private int count;
    private boolean inBody;
    private boolean atLineStart = true;
    private int matched;

    void accept(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length && !inBody; i++) {
            accept(bytes[i]);
        }
    }

    private void accept(byte b) {
        if (b == '\n') {
            inBody = atLineStart;
            atLineStart = true;
            matched = 0;
        } else if (b != '\r') {
            atLineStart = false;
            if (matched != NOT_THIS_LINE && matched < FIELD_NAME.length) {
                matched = Character.toLowerCase(b) == FIELD_NAME[matched] ? matched + 1 : NOT_THIS_LINE;
                if (matched == FIELD_NAME.length) {
                    count++;
                }
            }
        }
    }

    int count() {
        return count;
    }
}
