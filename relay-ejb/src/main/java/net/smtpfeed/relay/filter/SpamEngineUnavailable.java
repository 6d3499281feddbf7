package net.smtpfeed.relay.filter;

/** No score could be had: the engine is unreachable, too slow, or failed. The message goes on unscored. */
public class SpamEngineUnavailable extends Exception {

    public SpamEngineUnavailable(String message) {
        super(message);
    }

    public SpamEngineUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
