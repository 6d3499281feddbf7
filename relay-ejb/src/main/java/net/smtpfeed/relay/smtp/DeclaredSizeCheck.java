package net.smtpfeed.relay.smtp;

import java.io.IOException;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.internal.server.Command;
import org.subethamail.smtp.server.Session;

/**
 * Refuses MAIL FROM whose SIZE parameter (RFC 1870) declares more than the limit, before any DATA. SubEthaSMTP's MAIL
 * makes the same check, but parses SIZE as an int: a declared size over 2 GB throws and ends the session with 421.
 */
final class DeclaredSizeCheck extends CommandWrapper {

    private static final Pattern SIZE = Pattern.compile("\\sSIZE=(\\d+)", Pattern.CASE_INSENSITIVE);

    private final BigInteger maxMessageBytes;

    DeclaredSizeCheck(Command mail, long maxMessageBytes) {
        super(mail);
        this.maxMessageBytes = BigInteger.valueOf(maxMessageBytes);
    }

    @Override
    public void execute(String commandString, Session session) throws IOException, DropConnectionException {
        Matcher size = SIZE.matcher(commandString);
        if (size.find() && new BigInteger(size.group(1)).compareTo(maxMessageBytes) > 0) {
            session.sendResponse("552 5.3.4 Message size exceeds fixed limit of " + maxMessageBytes + " bytes");
        } else {
            wrapped.execute(commandString, session);
        }
    }
}
