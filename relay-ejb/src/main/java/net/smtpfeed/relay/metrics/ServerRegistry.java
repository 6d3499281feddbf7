package net.smtpfeed.relay.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jboss.as.server.CurrentServiceContainer;
import org.jboss.msc.Service;
import org.jboss.msc.service.ServiceBuilder;
import org.jboss.msc.service.ServiceContainer;
import org.jboss.msc.service.ServiceController;
import org.jboss.msc.service.ServiceName;
import org.jboss.msc.service.StartContext;
import org.jboss.msc.service.StopContext;
import org.wildfly.extension.micrometer.MicrometerService;
import org.wildfly.extension.micrometer.MicrometerSubsystemRegistrar;

/**
 * WildFly's server-wide meter registry: the one whose Prometheus child /metrics scrapes, and the parent of the
 * registry a deployment is given. It is the micrometer subsystem's service's value, and MSC hands a service's value
 * only to a service that requires it, so a short-lived one is installed to read it. The classes come from the
 * server's own modules, which the EAR's jboss-deployment-structure.xml makes visible to the relay.
 */
final class ServerRegistry {

    private static final Logger LOG = Logger.getLogger(ServerRegistry.class.getName());
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ServiceName MICROMETER = MicrometerSubsystemRegistrar.MICROMETER_SERVICE_SERVICE_NAME;

    private ServerRegistry() {
    }

    /** The server's registry; empty outside WildFly, or when the micrometer subsystem is not there. */
    static Optional<MeterRegistry> find() {
        ServiceContainer container = CurrentServiceContainer.getServiceContainer();
        if (container == null) {
            return Optional.empty();
        }
        if (container.getService(MICROMETER) == null) {
            LOG.warning("WildFly's micrometer service is not installed: the relay's timers have no histogram buckets");
            return Optional.empty();
        }
        CompletableFuture<MeterRegistry> found = new CompletableFuture<>();
        ServiceBuilder<?> reader = container.addService();
        Supplier<MicrometerService> micrometer = reader.requires(MICROMETER);
        reader.setInstance(new Service() {
            @Override
            public void start(StartContext context) {
                found.complete(micrometer.get().getMicrometerRegistry());
            }

            @Override
            public void stop(StopContext context) {
            }
        });
        ServiceController<?> installed = reader.install();
        try {
            return Optional.of(found.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "WildFly's meter registry could not be read: the relay's timers have no histogram "
                    + "buckets", e);
            return Optional.empty();
        } finally {
            installed.setMode(ServiceController.Mode.REMOVE);
        }
    }
}
