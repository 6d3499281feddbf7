package net.smtpfeed.relay.probe;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import net.smtpfeed.domain.feed.ConnectionTestResult;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.domain.hosting.DomainName;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Runs staff's connection tests with the relay's name; no transaction is held open while the network is waited on. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ConnectionProbeService implements ConnectionProbe {

    private static final Logger LOG = Logger.getLogger(ConnectionProbeService.class.getName());

    @Inject
    @ConfigProperty(name = "smtpfeed.smtp.hostname", defaultValue = "localhost")
    String heloName;

    @Inject
    @ConfigProperty(name = "smtpfeed.probe.timeout", defaultValue = "PT10S")
    Duration timeout;

    private SmtpProbe probe;

    @PostConstruct
    void init() {
        probe = new SmtpProbe(heloName, timeout);
    }

    @Override
    public ConnectionTestResult test(Destination destination, DomainName domain) {
        ConnectionTestResult result = probe.test(destination, domain);
        LOG.info(() -> "connection test of " + destination + " for " + domain + ": "
                + (result.passed() ? "passed" : "failed") + ", " + result.verdict());
        return result;
    }
}
