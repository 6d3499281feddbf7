package net.smtpfeed.relay.startup;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Checks the whole configuration when the relay is deployed, before any bean reads it, and then that the database
 * lets the relay in: each wrong value is logged as one line ("smtpfeed will not start: key = 'value': expected ...")
 * and the deployment stops. It runs as a CDI extension because MicroProfile Config's own checks of the injected values
 * run when the beans are validated, and would otherwise stop the start first, with a stack trace.
 */
public class ConfigurationValidation implements Extension {

    private static final Logger LOG = Logger.getLogger(ConfigurationValidation.class.getName());
    static final String PREFIX = "smtpfeed will not start: ";

    void validate(@Observes BeforeBeanDiscovery event) {
        Config config = ConfigProvider.getConfig(getClass().getClassLoader());
        List<String> problems = new ArrayList<>(ConfigurationRules.problems(key -> config.getOptionalValue(key, String.class)));
        if (problems.isEmpty()) {
            portProblem(config, "smtp", 2525).ifPresent(problems::add);
            portProblem(config, "pop3", 1110).ifPresent(problems::add);
            DatabaseConnectionCheck.problem(config).ifPresent(problems::add);
        }
        problems.forEach(problem -> LOG.severe(PREFIX + problem));
        if (!problems.isEmpty()) {
            // The lines above say what is wrong; the stack trace WildFly prints after them need not repeat it.
            throw new IllegalStateException(problems.size() + " configuration value(s) wrong, see the lines before");
        }
    }

    /** Port 0 asks for any free port, which is always there to bind. */
    private static Optional<String> portProblem(Config config, String service, int defaultPort) {
        int port = config.getOptionalValue("smtpfeed." + service + ".port", Integer.class).orElse(defaultPort);
        return port == 0 ? Optional.empty() : ListenerPortCheck.problem(service,
                config.getOptionalValue("smtpfeed." + service + ".bind-address", String.class).orElse("127.0.0.1"), port);
    }
}
