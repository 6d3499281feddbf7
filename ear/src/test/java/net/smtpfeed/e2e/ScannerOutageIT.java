package net.smtpfeed.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import net.smtpfeed.relay.testing.FreePorts;
import net.smtpfeed.relay.testing.SmtpConversation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A relay whose virus scanner cannot be reached accepts nothing: every message gets 451, infected or not. */
class ScannerOutageIT {

    @TempDir
    Path workDir;

    @Test
    void aRelayWhoseClamdCannotBeReachedAnswers451ToEveryMessage() throws Exception {
        try (RelayProcess relay = RelayProcess.prepare(workDir, 700, 3325)) {
            relay.start(List.of("-Dsmtpfeed.clamd.address=127.0.0.1:" + FreePorts.any(),
                    "-Dsmtpfeed.clamd.connect-timeout=PT1S"));
            try (SmtpConversation smtp = SmtpConversation.open("127.0.0.1", relay.smtpPort())) {
                smtp.send("EHLO mx.elsewhere.example");
                for (String message : List.of(
                        MessagesWithAttachments.withZippedAttachment("invoice.txt", MessagesWithAttachments.eicar()),
                        "Subject: hello\r\n\r\na plain note\r\n")) {
                    String reply = smtp.sendMail("sender@elsewhere.example", "someone@spamcheck.example", message);
                    assertTrue(reply.startsWith("451 4.3.0 "), "not accepted unscanned: " + reply);
                }
            }
        }
    }
}
