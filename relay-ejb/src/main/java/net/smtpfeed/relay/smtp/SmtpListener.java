package net.smtpfeed.relay.smtp;

import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import net.smtpfeed.relay.metrics.MeteredMessageHandler;
import net.smtpfeed.relay.metrics.RelayMeters;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.subethamail.smtp.server.SMTPServer;

/** Runs the inbound SMTP listener for as long as the relay is deployed, on container-managed threads. */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class SmtpListener {

    private static final Logger LOG = Logger.getLogger(SmtpListener.class.getName());
    /** The name of the thread that accepts SMTP connections. */
    public static final String ACCEPTOR_THREAD = "smtpfeed-smtp-acceptor";

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
    @ConfigProperty(name = "smtpfeed.queue.concurrent-intake", defaultValue = "16")
    int concurrentIntake;

    @Inject
    @ConfigProperty(name = "smtpfeed.queue.intake-wait", defaultValue = "PT5M")
    Duration intakeWait;

    @Inject
    private TlsIdentity tls;

    @Resource
    private ManagedThreadFactory threadFactory;

    @Inject
    private RelayPolicy relayPolicy;

    @Inject
    private Greylisting greylisting;

    @Inject
    private ContentInspection inspection;

    @Inject
    private MessageBatchQueue queue;

    @Inject
    private RelayMeters meters;

    private ThreadPoolExecutor sessionThreads;
    private GroupCommitIntake intake;
    private SMTPServer server;

    @PostConstruct
    void start() {
        SmtpLimits limits = new SmtpLimits(maxMessageBytes, maxRecipients, maxConnections, maxConnectionsPerClient, maxErrors, maxHops);
        SmtpSettings settings = new SmtpSettings(BindAddress.of("smtpfeed.smtp.bind-address", bindAddress), port, hostName,
                idleTimeout, limits, tls.context());
        // One thread per SMTP session, as many as connections are allowed; SubEthaSMTP refuses the rest with 421.
        sessionThreads = new ThreadPoolExecutor(0, maxConnections + 1, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threadFactory);
        Greylisting timedGreylisting = (client, sender, recipient) -> meters.timeFilter("greylist",
                () -> greylisting.check(client, sender, recipient));
        intake = new GroupCommitIntake(queue, concurrentIntake, threadFactory);
        server = InboundSmtpServer.build(settings, relayPolicy, timedGreylisting, inspection,
                new BoundedQueueIntake(intake, concurrentIntake, intakeWait),
                sessionThreads, handler -> new MeteredMessageHandler(handler, meters));
        meters.gauge("smtpfeed_smtp_sessions_open", Tags.empty(), sessionThreads, ThreadPoolExecutor::getActiveCount);
        server.start();
        LOG.info(() -> "SMTP listening on " + bindAddress + ":" + port);
    }

    /** Whether the listener's acceptor thread is running (liveness). */
    public boolean isRunning() {
        return server.isRunning();
    }

    @PreDestroy
    void stop() {
        server.stop();
        intake.close();
        sessionThreads.shutdownNow();
    }
}
