package net.smtpfeed.relay.smtp;

import java.util.concurrent.ExecutorService;
import org.subethamail.smtp.server.SMTPServer;

/** Builds the SubEthaSMTP server that speaks inbound SMTP and asks an {@link InboundSession} for each reply. */
public final class InboundSmtpServer {

    private static final String SOFTWARE_NAME = "smtpfeed";

    private InboundSmtpServer() {
    }

    public static SMTPServer build(SmtpSettings settings, RelayPolicy relayPolicy, MessageQueue queue,
                                   ExecutorService sessionThreads) {
        return SMTPServer.port(settings.port())
                .bindAddress(settings.bindAddress())
                .hostName(settings.hostName())
                .softwareName(SOFTWARE_NAME)
                .maxMessageSize(Math.toIntExact(Math.min(settings.maxMessageBytes(), Integer.MAX_VALUE)))
                .maxConnections(settings.maxConnections())
                .connectionTimeoutMs(Math.toIntExact(settings.idleTimeout().toMillis()))
                .executorService(sessionThreads)
                .serverThreadName("smtpfeed-smtp-acceptor")
                .messageHandlerFactory(context -> new InboundSession(context, relayPolicy, queue, settings.maxMessageBytes()))
                .build();
    }
}
