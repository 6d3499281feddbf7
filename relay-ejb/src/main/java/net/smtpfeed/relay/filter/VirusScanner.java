package net.smtpfeed.relay.filter;

/**
 * Looks for viruses in one whole message, as it came in over SMTP (headers and body, MIME encoded). Scanning is
 * mandatory: when a scanner cannot give a verdict, the message is not accepted. Implementations are thread-safe.
 */
public interface VirusScanner {

    /**
     * @throws ScannerUnavailable when no verdict could be had in time (engine unreachable, timed out, or an error)
     */
    ScanVerdict scan(ScannableMessage message) throws ScannerUnavailable;

    /** The engine's name as the message log shows it, such as "ClamAV" or "built-in". */
    String engine();
}
