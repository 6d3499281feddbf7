package net.smtpfeed.relay.smtp;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.UnaryOperator;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.internal.server.CommandHandler;
import org.subethamail.smtp.internal.server.ConcurrentSessionsBySourceLimiter;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;

/**
 * Builds the SubEthaSMTP server that speaks inbound SMTP and asks an {@link InboundSession} for each reply. Where
 * SubEthaSMTP's own commands fall short of Postfix's behaviour, they are replaced or wrapped in its command registry.
 */
public final class InboundSmtpServer {

    private static final String SOFTWARE_NAME = "smtpfeed";
    private static final int UNLIMITED = -1;

    private InboundSmtpServer() {
    }

    public static SMTPServer build(SmtpSettings settings, RelayPolicy relayPolicy, Greylisting greylisting,
                                   ContentInspection inspection, MessageQueue queue, ExecutorService sessionThreads) {
        return build(settings, relayPolicy, greylisting, inspection, queue, sessionThreads, UnaryOperator.identity());
    }

    /** As above, each mail transaction's handler wrapped by the observer (which counts what it came to). */
    public static SMTPServer build(SmtpSettings settings, RelayPolicy relayPolicy, Greylisting greylisting,
                                   ContentInspection inspection, MessageQueue queue, ExecutorService sessionThreads,
                                   UnaryOperator<MessageHandler> observer) {
        SmtpLimits limits = settings.limits();
        SMTPServer server = SMTPServer.port(settings.port())
                .bindAddress(settings.bindAddress())
                .hostName(settings.hostName())
                .softwareName(SOFTWARE_NAME)
                .maxMessageSize(Math.toIntExact(Math.min(limits.maxMessageBytes(), Integer.MAX_VALUE)))
                .maxRecipients(UNLIMITED) // InboundSession refuses past the limit, with an enhanced status code
                .maxConnections(limits.maxConnections())
                .sessionHandler(new ConcurrentSessionsBySourceLimiter(limits.maxConnectionsPerClient(), 421,
                        "4.7.0 " + settings.hostName() + " Error: too many connections from your address"))
                .connectionTimeoutMs(Math.toIntExact(settings.idleTimeout().toMillis()))
                .enableTLS()
                .startTlsSocketFactory(ServerTls.startTlsSockets(settings.tls()))
                .insertReceivedHeaders(false) // InboundSession writes its own, naming the TLS cipher
                .executorService(sessionThreads)
                .serverThreadName(SmtpListener.ACCEPTOR_THREAD)
                // SubEthaSMTP's message context is always its Session, which alone knows the socket and session id.
                .messageHandlerFactory(context -> observer.apply(new InboundSession((Session) context, relayPolicy,
                        greylisting, inspection, queue, limits)))
                .build();
        installCommands(server.getCommandHandler(), limits, settings.hostName());
        return server;
    }

    private static void installCommands(CommandHandler commands, SmtpLimits limits, String hostName) {
        commands.addCommand(new ExtendedHelloCommand(limits.maxMessageBytes()));
        commands.addCommand(new DataCommand());
        commands.addCommand(new DeclaredSizeCheck(commands.getCommand("MAIL"), limits.maxMessageBytes()));
        ErrorLimit errorLimit = new ErrorLimit(limits.maxErrors(), hostName);
        for (String verb : List.copyOf(commands.getVerbs())) {
            commands.addCommand(errorLimit.guard(commands.getCommand(verb), switch (verb) {
                case "MAIL" -> ErrorLimit.IN_TRANSACTION;
                case "RCPT" -> ErrorLimit.RECIPIENTS;
                case "DATA" -> ErrorLimit.IN_TRANSACTION;
                default -> ErrorLimit.UNCOUNTED;
            }));
        }
        commands.addCommand(new DataEndsTransaction(commands.getCommand("DATA")));
    }
}
