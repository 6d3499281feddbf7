package net.smtpfeed.relay.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import net.smtpfeed.domain.mail.DeliveryState;

/**
 * The relay's own meters, in WildFly's Micrometer registry (scraped at /metrics on the management port). Every label
 * comes from a fixed set: reasons, states and filter names, never an address or a domain.
 *
 * <p>Meters are made with the registry's name-and-tags methods only: WildFly's registry for a deployment passes those
 * on to the exported registry (adding the deployment's tag), whereas a meter built with a builder would stay in the
 * deployment's own registry, never scraped.
 *
 * <p>For the same reason the timers are exported as count, sum and max, without histogram buckets, and no setting of
 * ours can change that on WildFly 39 (checked in its micrometer extension's classes): a {@code Timer.builder(..)
 * .publishPercentileHistogram()} or SLO-bucket timer registers through Micrometer's package-private
 * {@code MeterRegistry.timer(Id, DistributionStatisticConfig, PauseDetector)}, which the deployment's registry
 * ({@code ApplicationRegistry}) cannot override, so it lands in its own store whatever tags it carries; a MeterFilter
 * would have to sit on the exported registry, but the deployment's {@code config()} is its own (WildFly logs that it
 * is not supported) and neither the server's composite registry nor its Prometheus registry is configured with any
 * filter or distribution setting. Buckets need a WildFly that forwards the distribution settings, or a filter on
 * its exported registry.
 */
@ApplicationScoped
public class RelayMeters {

    static final String ACCEPTED = "smtpfeed_messages_accepted";
    static final String REFUSED = "smtpfeed_messages_refused";
    static final String DELIVERIES = "smtpfeed_deliveries";
    static final String QUARANTINED = "smtpfeed_copies_quarantined";
    static final String FILTER_TIME = "smtpfeed_filter";
    static final String DELIVERY_TIME = "smtpfeed_delivery";

    @Inject
    MeterRegistry registry;

    private final List<Runnable> gaugeRemovals = new CopyOnWriteArrayList<>();

    public void accepted() {
        registry.counter(ACCEPTED).increment();
    }

    public void refused(RefusalReason reason) {
        registry.counter(REFUSED, "reason", reason.label()).increment();
    }

    /** A recipient's copy that delivery left in this state: delivered, deferred, bounced or expired. */
    public void deliveryRecorded(DeliveryState state) {
        registry.counter(DELIVERIES, "state", state.name().toLowerCase(Locale.ROOT)).increment();
    }

    /** Copies that their domain's spam action put into quarantine. */
    public void quarantined(long copies) {
        registry.counter(QUARANTINED).increment(copies);
    }

    /** Messages accepted by this node since it started. */
    public double acceptedTotal() {
        return registry.counter(ACCEPTED).count();
    }

    /** Copies this node delivered since it started. */
    public double deliveredTotal() {
        return registry.counter(DELIVERIES, "state", "delivered").count();
    }

    /** Runs one filter at the end of DATA (greylist, virus_scan, spam_check), timing it whatever its outcome. */
    public <T, E extends Exception> T timeFilter(String filter, FilterStep<T, E> step) throws E {
        Timer.Sample sample = Timer.start(registry);
        try {
            return step.run();
        } finally {
            sample.stop(registry.timer(FILTER_TIME, "filter", filter));
        }
    }

    /** Times one SMTP transaction with a customer's server. */
    public <T> T timeDelivery(Supplier<T> transaction) {
        return registry.timer(DELIVERY_TIME).record(transaction);
    }

    /**
     * A gauge whose value is read from the source at each scrape, for as long as the relay is deployed. The registry
     * outlives a redeployment and would keep the old gauge, holding nothing, so it is removed on undeploy.
     */
    public <T> void gauge(String name, Tags tags, T source, ToDoubleFunction<T> value) {
        registry.gauge(name, tags, source, value);
        gaugeRemovals.add(() -> {
            Gauge gauge = registry.find(name).tags(tags).gauge();
            if (gauge != null) {
                registry.remove(gauge);
            }
        });
    }

    @PreDestroy
    void removeGauges() {
        gaugeRemovals.forEach(Runnable::run);
    }

    /** A step that may refuse the message with a checked exception (an SMTP RejectException). */
    @FunctionalInterface
    public interface FilterStep<T, E extends Exception> {
        T run() throws E;
    }
}
