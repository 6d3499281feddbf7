package net.smtpfeed.relay.smtp;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.subethamail.smtp.server.SMTPServer;

/** Runs the inbound SMTP listener for as long as the relay is deployed, on container-managed threads. */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class SmtpListener {

    private static final Logger LOG = Logger.getLogger(SmtpListener.class.getName());

    @Inject
    @ConfigProperty(name = "smtpfeed.smtp.bind-address", defaultValue = "127.0.0.1")
    String bindAddress;

    @Inject
    @ConfigProperty(name = "smtpfeed.smtp.port", defaultValue = "2525")
    int port;

    @Inject
    @ConfigProperty(name = "smtpfeed.smtp.hostname", defaultValue = "localhost")
    String hostName;

    @Inject
    @ConfigProperty(name = "smtpfeed.smtp.max-message-size", defaultValue = "52428800")
    long maxMessageBytes;

    @Inject
    @ConfigProperty(name = "smtpfeed.smtp.max-connections", defaultValue = "200")
    int maxConnections;

    @Inject
    @ConfigProperty(name = "smtpfeed.smtp.max-recipients", defaultValue = "1000")
    int maxRecipients;

    @Inject
    @ConfigProperty(name = "smtpfeed.smtp.max-connections-per-client", defaultValue = "20")
    int maxConnectionsPerClient;

    @Inject
    @ConfigProperty(name = "smtpfeed.smtp.max-errors", defaultValue = "20")
    int maxErrors;

    @Inject
    @ConfigProperty(name = "smtpfeed.smtp.max-hops", defaultValue = "50")
    int maxHops;

    @Inject
    @ConfigProperty(name = "smtpfeed.smtp.idle-timeout", defaultValue = "PT5M")
    Duration idleTimeout;

    @Inject
    @ConfigProperty(name = "smtpfeed.smtp.tls.keystore")
    Optional<String> tlsKeyStore;

    @Inject
    @ConfigProperty(name = "smtpfeed.smtp.tls.keystore-password")
    Optional<String> tlsKeyStorePassword;

    @Inject
    @ConfigProperty(name = "smtpfeed.data-dir", defaultValue = "./data")
    String dataDirectory;

    @Inject
    @ConfigProperty(name = "smtpfeed.queue.concurrent-intake", defaultValue = "16")
    int concurrentIntake;

    @Inject
    @ConfigProperty(name = "smtpfeed.queue.intake-wait", defaultValue = "PT5M")
    Duration intakeWait;

    @Resource
    private ManagedThreadFactory threadFactory;

    @Inject
    private RelayPolicy relayPolicy;

    @Inject
    private Greylisting greylisting;

    @Inject
    private ContentInspection inspection;

    @Inject
    private MessageQueue queue;

    private ExecutorService sessionThreads;
    private SMTPServer server;

    @PostConstruct
    void start() {
        SmtpLimits limits = new SmtpLimits(maxMessageBytes, maxRecipients, maxConnections, maxConnectionsPerClient, maxErrors, maxHops);
        SmtpSettings settings = new SmtpSettings(address(bindAddress), port, hostName, idleTimeout, limits, tls());
        // One thread per SMTP session, as many as connections are allowed; SubEthaSMTP refuses the rest with 421.
        sessionThreads = new ThreadPoolExecutor(0, maxConnections + 1, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threadFactory);
        server = InboundSmtpServer.build(settings, relayPolicy, greylisting, inspection,
                new BoundedQueueIntake(queue, concurrentIntake, intakeWait),
                sessionThreads);
        server.start();
        LOG.info(() -> "SMTP listening on " + bindAddress + ":" + port);
    }

    @PreDestroy
    void stop() {
        server.stop();
        sessionThreads.shutdownNow();
    }

    private SSLContext tls() {
        return ServerTls.configured(tlsKeyStore, tlsKeyStorePassword, Path.of(dataDirectory), hostName);
    }

    private static InetAddress address(String name) {
        try {
            return InetAddress.getByName(name);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("smtpfeed.smtp.bind-address: not an address of this host: " + name, e);
        }
    }
}
