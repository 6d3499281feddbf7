package net.smtpfeed.relay.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.internal.util.SMTPResponseHelper;
import org.subethamail.smtp.server.Session;

/**
 * DATA with SubEthaSMTP's replies, reading the message as {@link DotStuffedData} instead of through SubEthaSMTP's
 * byte-at-a-time streams. SubEthaSMTP's own DATA adds its Received header unless the server is built without;
 * InboundSmtpServer always builds it without, as InboundSession writes ours, so this one adds none.
 */
final class DataCommand extends BaseCommand {

    DataCommand() {
        super("DATA", "Following text is collected as the message.\nEnd data with <CR><LF>.<CR><LF>");
    }

    @Override
    public void execute(String commandString, Session session) throws IOException, DropConnectionException {
        if (!session.isMailTransactionInProgress()) {
            session.sendResponse("503 5.5.1 Error: need MAIL command");
            return;
        }
        if (session.getRecipientCount() == 0) {
            session.sendResponse("503 5.5.1 Error: need RCPT command");
            return;
        }
        session.sendResponse("354 End data with <CR><LF>.<CR><LF>");
        InputStream message = new DotStuffedData(session.getRawInput());
        String reply;
        try {
            reply = session.getMessageHandler().data(message);
            // What the handler left unread, so that the session's next command is the client's.
            message.transferTo(OutputStream.nullOutputStream());
        } catch (DropConnectionException e) {
            throw e; // a RejectException too, but one that SubEthaSMTP answers by ending the session
        } catch (RejectException e) {
            session.sendResponse(e.getErrorResponse());
            return;
        }
        session.sendResponse(reply == null ? "250 Ok" : SMTPResponseHelper.buildResponse("250", reply));
        session.resetMailTransaction();
    }
}
