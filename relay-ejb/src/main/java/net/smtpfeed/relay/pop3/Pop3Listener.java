package net.smtpfeed.relay.pop3;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import net.smtpfeed.relay.smtp.BindAddress;
import net.smtpfeed.relay.smtp.TlsIdentity;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the POP3 server of the temporary mailboxes for as long as the relay is deployed, on container-managed threads.
 * It offers STLS with the SMTP listener's certificate, so it starts after that listener has made or read it.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigrator", "SmtpListener"})
public class Pop3Listener {

    private static final Logger LOG = Logger.getLogger(Pop3Listener.class.getName());

    @Inject
    @ConfigProperty(name = "smtpfeed.pop3.bind-address", defaultValue = "127.0.0.1")
    String bindAddress;

    @Inject
    @ConfigProperty(name = "smtpfeed.pop3.port", defaultValue = "1110")
    int port;

    @Inject
    @ConfigProperty(name = "smtpfeed.pop3.max-connections", defaultValue = "100")
    int maxConnections;

    @Inject
    @ConfigProperty(name = "smtpfeed.pop3.max-connections-per-client", defaultValue = "10")
    int maxConnectionsPerClient;

    @Inject
    @ConfigProperty(name = "smtpfeed.pop3.idle-timeout", defaultValue = "PT10M")
    Duration idleTimeout;

    @Inject
    @ConfigProperty(name = "smtpfeed.pop3.plaintext-login", defaultValue = "LOOPBACK")
    PlaintextLogin plaintextLogin;

    @Inject
    @ConfigProperty(name = "smtpfeed.pop3.max-login-failures", defaultValue = "5")
    int maxLoginFailuresPerClient;

    @Inject
    @ConfigProperty(name = "smtpfeed.pop3.max-login-failures-per-mailbox", defaultValue = "10")
    int maxLoginFailuresPerMailbox;

    @Inject
    @ConfigProperty(name = "smtpfeed.pop3.login-failure-window", defaultValue = "PT15M")
    Duration loginFailureWindow;

    @Inject
    @ConfigProperty(name = "smtpfeed.pop3.login-failure-delay", defaultValue = "PT1S")
    Duration loginFailureDelay;

    @Inject
    @ConfigProperty(name = "smtpfeed.smtp.hostname", defaultValue = "localhost")
    String hostName;

    @Inject
    private TlsIdentity tls;

    @Resource
    private ManagedThreadFactory threadFactory;

    @Inject
    private MailboxMaildrops maildrops;

    private ExecutorService threads;
    private Pop3Server server;

    @PostConstruct
    void start() {
        Pop3Settings settings = new Pop3Settings(BindAddress.of("smtpfeed.pop3.bind-address", bindAddress), port,
                hostName, idleTimeout, maxConnections, maxConnectionsPerClient, tls.context(), plaintextLogin);
        LoginThrottle throttle = new LoginThrottle(maxLoginFailuresPerClient, maxLoginFailuresPerMailbox,
                loginFailureWindow, loginFailureDelay, Clock.systemUTC());
        // One thread per session, as many as sessions are allowed, and one that accepts them.
        threads = new ThreadPoolExecutor(0, maxConnections + 1, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threadFactory);
        server = new Pop3Server(settings, maildrops, throttle, threads);
        try {
            server.start();
        } catch (IOException e) {
            threads.shutdownNow();
            throw new UncheckedIOException("POP3 cannot listen on " + bindAddress + ":" + port, e);
        }
        LOG.info(() -> "POP3 listening on " + bindAddress + ":" + server.port());
    }

    @PreDestroy
    void stop() {
        server.stop();
        threads.shutdownNow();
    }
}
