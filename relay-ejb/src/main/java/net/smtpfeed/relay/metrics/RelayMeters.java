package net.smtpfeed.relay.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import net.smtpfeed.domain.mail.DeliveryState;

/**
 * The relay's own meters, in WildFly's Micrometer registry (scraped at /metrics on the management port). Every label
 * comes from a fixed set: reasons, states and filter names, never an address or a domain.
 */
@ApplicationScoped
public class RelayMeters {

    @Inject
    MeterRegistry registry;

    public void accepted() {
        registry.counter("smtpfeed_messages_accepted").increment();
    }

    public void refused(RefusalReason reason) {
        Counter.builder("smtpfeed_messages_refused").description("SMTP commands refused, by reason")
                .tag("reason", reason.label()).register(registry).increment();
    }

    /** A recipient's copy that delivery left in this state: delivered, deferred, bounced or expired. */
    public void deliveryRecorded(DeliveryState state) {
        Counter.builder("smtpfeed_deliveries").description("Delivery attempts recorded, by the state they left")
                .tag("state", state.name().toLowerCase(java.util.Locale.ROOT)).register(registry).increment();
    }

    /** Copies that their domain's spam action put into quarantine. */
    public void quarantined(long copies) {
        registry.counter("smtpfeed_copies_quarantined").increment(copies);
    }

    /** Messages accepted by this node since it started. */
    public double acceptedTotal() {
        return registry.counter("smtpfeed_messages_accepted").count();
    }

    /** Copies this node delivered since it started. */
    public double deliveredTotal() {
        return registry.counter("smtpfeed_deliveries", "state", "delivered").count();
    }

    /** Runs one filter at the end of DATA (virus_scan, spam_check), timing it whatever its outcome. */
    public <T, E extends Exception> T timeFilter(String filter, FilterStep<T, E> step) throws E {
        Timer.Sample sample = Timer.start(registry);
        try {
            return step.run();
        } finally {
            sample.stop(timer("smtpfeed_filter", "Time spent in each filter at the end of DATA", "filter", filter));
        }
    }

    /** Times one SMTP transaction with a customer's server. */
    public <T> T timeDelivery(Supplier<T> transaction) {
        return timer("smtpfeed_delivery", "Time of one SMTP transaction with a customer's server", null, null)
                .record(transaction);
    }

    public <T> void gauge(String name, String description, String tagKey, String tagValue, T source,
                          ToDoubleFunction<T> value) {
        Gauge.Builder<T> gauge = Gauge.builder(name, source, value).description(description);
        (tagKey == null ? gauge : gauge.tag(tagKey, tagValue)).strongReference(true).register(registry);
    }

    private Timer timer(String name, String description, String tagKey, String tagValue) {
        Timer.Builder timer = Timer.builder(name).description(description).publishPercentileHistogram();
        return (tagKey == null ? timer : timer.tag(tagKey, tagValue)).register(registry);
    }

    /** A step that may refuse the message with a checked exception (an SMTP RejectException). */
    @FunctionalInterface
    public interface FilterStep<T, E extends Exception> {
        T run() throws E;
    }
}
