package net.smtpfeed.relay.filter;

import net.smtpfeed.domain.spam.SpamScore;
import net.smtpfeed.relay.smtp.Envelope;

/**
 * Scores one whole message, as it came in over SMTP, on SpamAssassin's scale. Unlike virus scanning, spam checking is a
 * service level: a message the engine cannot score is delivered untagged. Implementations are thread-safe.
 */
public interface SpamEngine {

    /**
     * @throws SpamEngineUnavailable when no score could be had in time (engine unreachable, timed out, or an error)
     */
    SpamScore score(ScannableMessage message) throws SpamEngineUnavailable;

    /**
     * As {@link #score(ScannableMessage)}, told what the SMTP transaction said (client address, HELO, sender,
     * recipients). Engines that take it apart from the message override this; spamd reads the client from the
     * Received header the relay puts on top, and the built-in rules look at the message only.
     */
    default SpamScore score(ScannableMessage message, Envelope envelope) throws SpamEngineUnavailable {
        return score(message);
    }

    /** The engine's name as the message log shows it, such as "SpamAssassin", "rspamd" or "built-in". */
    String engine();
}
