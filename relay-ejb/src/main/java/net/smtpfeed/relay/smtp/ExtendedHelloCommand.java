package net.smtpfeed.relay.smtp;

import java.io.IOException;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.server.Session;

/**
 * EHLO with the extensions this relay offers. Replaces SubEthaSMTP's own EHLO, which cannot be told to advertise
 * PIPELINING or ENHANCEDSTATUSCODES and keeps offering STARTTLS after TLS has started (RFC 3207 forbids that).
 * SubEthaSMTP reads commands one line at a time from a buffered stream, so pipelined commands already work.
 */
final class ExtendedHelloCommand extends BaseCommand {

    private final long maxMessageBytes;

    ExtendedHelloCommand(long maxMessageBytes) {
        super("EHLO", "Introduce yourself.", "<hostname>");
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public void execute(String commandString, Session session) throws IOException {
        String[] args = getArgs(commandString);
        if (args.length < 2) {
            session.sendResponse("501 5.5.4 Syntax: EHLO hostname");
            return;
        }
        session.resetMailTransaction();
        session.setHelo(args[1]);
        StringBuilder reply = new StringBuilder("250-").append(session.getServer().getHostName())
                .append("\r\n250-PIPELINING")
                .append("\r\n250-SIZE ").append(maxMessageBytes);
        if (session.getServer().getEnableTLS() && !session.isTLSStarted()) {
            reply.append("\r\n250-STARTTLS");
        }
        reply.append("\r\n250-ENHANCEDSTATUSCODES")
                .append("\r\n250-8BITMIME")
                .append("\r\n250-SMTPUTF8")
                .append("\r\n250 CHUNKING");
        session.sendResponse(reply.toString());
    }
}
