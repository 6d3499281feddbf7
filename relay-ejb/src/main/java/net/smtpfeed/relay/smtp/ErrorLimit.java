package net.smtpfeed.relay.smtp;

import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.ToIntFunction;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.internal.server.Command;
import org.subethamail.smtp.server.Session;

/**
 * Ends a session that has had too many commands refused, as Postfix's smtpd_hard_error_limit does: once the count is
 * reached, the next command gets 421 and the connection is closed. SubEthaSMTP writes each reply itself, so a refusal
 * is recognised by its effect: a command that should move the session on (MAIL, RCPT, DATA) left it where it was.
 * Unknown commands and bad command lines are answered by SubEthaSMTP before any command runs: they are not counted.
 */
final class ErrorLimit {

    /** How far a session is in its mail transaction: a refused MAIL or DATA leaves it unchanged. */
    static final ToIntFunction<Session> IN_TRANSACTION = session -> session.isMailTransactionInProgress() ? 1 : 0;
    /** How many recipients a session has: a refused RCPT leaves it unchanged. */
    static final ToIntFunction<Session> RECIPIENTS = Session::getRecipientCount;
    /** For commands whose refusals cannot be told apart from success: never counted. */
    static final ToIntFunction<Session> UNCOUNTED = null;

    private final int maxErrors;
    private final String hostName;
    // The sessions are SubEthaSMTP's; weak keys let a finished session's count go with it.
    private final Map<Session, Integer> errors = Collections.synchronizedMap(new WeakHashMap<>());

    ErrorLimit(int maxErrors, String hostName) {
        this.maxErrors = maxErrors;
        this.hostName = hostName;
    }

    /** The command, refused once the session has reached the limit, and counted as an error when it made no progress. */
    Command guard(Command command, ToIntFunction<Session> progress) {
        return new CommandWrapper(command) {
            @Override
            public void execute(String commandString, Session session) throws IOException, DropConnectionException {
                if (errors.getOrDefault(session, 0) >= maxErrors) {
                    throw new DropConnectionException(421, "4.7.0 " + hostName + " Error: too many errors");
                }
                int before = progress == UNCOUNTED ? 0 : progress.applyAsInt(session);
                wrapped.execute(commandString, session);
                if (progress != UNCOUNTED && progress.applyAsInt(session) == before) {
                    errors.merge(session, 1, Integer::sum);
                }
            }
        };
    }
}
