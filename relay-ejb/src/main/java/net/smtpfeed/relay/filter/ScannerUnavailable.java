package net.smtpfeed.relay.filter;

/** No verdict could be had: the engine is unreachable, too slow, or failed. The message must not be accepted. */
public class ScannerUnavailable extends Exception {

    public ScannerUnavailable(String message) {
        super(message);
    }

    public ScannerUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
