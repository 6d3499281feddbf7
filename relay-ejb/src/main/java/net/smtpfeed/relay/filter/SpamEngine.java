package net.smtpfeed.relay.filter;

import net.smtpfeed.domain.spam.SpamScore;

/**
 * Scores one whole message, as it came in over SMTP, on SpamAssassin's scale. Unlike virus scanning, spam checking is a
 * service level: a message the engine cannot score is delivered untagged. Implementations are thread-safe.
 */
public interface SpamEngine {

    /**
     * @throws SpamEngineUnavailable when no score could be had in time (engine unreachable, timed out, or an error)
     */
    SpamScore score(ScannableMessage message) throws SpamEngineUnavailable;

    /** The engine's name as the message log shows it, such as "SpamAssassin", "rspamd" or "built-in". */
    String engine();
}
