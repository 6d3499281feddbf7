package net.smtpfeed.domain.feed;

import java.util.List;
import java.util.Objects;

/**
 * What a connection test to a customer's server found: whether the server would take mail for the domain from the
 * relay, the verdict in a sentence, and the SMTP conversation line by line ("S: " what the server said, "C: " what
 * the relay sent).
 */
public record ConnectionTestResult(boolean passed, String verdict, List<String> transcript) {

    public ConnectionTestResult {
        Objects.requireNonNull(verdict, "verdict");
        transcript = List.copyOf(transcript);
    }
}
