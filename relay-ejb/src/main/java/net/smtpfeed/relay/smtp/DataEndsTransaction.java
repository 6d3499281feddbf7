package net.smtpfeed.relay.smtp;

import java.io.IOException;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.internal.server.Command;
import org.subethamail.smtp.server.Session;

/**
 * Ends the mail transaction after DATA whatever the reply, as RFC 5321 section 4.1.1.4 wants. DATA, like SubEthaSMTP's,
 * keeps it open after a refusal at the end of DATA (552, 554), so the client's next MAIL FROM would get 503. It is
 * ended out here, around ErrorLimit's guard, because the guard tells a refused DATA by the transaction it left open.
 */
final class DataEndsTransaction extends CommandWrapper {

    DataEndsTransaction(Command data) {
        super(data);
    }

    @Override
    public void execute(String commandString, Session session) throws IOException, DropConnectionException {
        boolean messageExpected = session.isMailTransactionInProgress() && session.getRecipientCount() > 0;
        wrapped.execute(commandString, session);
        if (messageExpected && session.isMailTransactionInProgress()) {
            session.resetMailTransaction();
        }
    }
}
