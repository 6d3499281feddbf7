package net.smtpfeed.relay.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import net.smtpfeed.domain.mail.DeliveryState;

/**
 * The relay's own meters, in WildFly's Micrometer registry (scraped at /metrics on the management port). Every label
 * comes from a fixed set: reasons, states and filter names, never an address or a domain.
 *
 * <p>Counters and gauges are made with the registry's name-and-tags methods: WildFly's registry for a deployment
 * ({@code ApplicationRegistry}) passes those on to the server's registry, adding the deployment's tag. A meter built
 * with a builder would stay in the deployment's registry, never scraped, and with it any distribution setting: on
 * WildFly 39 the deployment's registry does not forward builder registrations, its {@code config()} is its own (so a
 * MeterFilter there changes nothing exported), and the subsystem has no distribution attribute. (WildFly's main
 * branch forwards them, distribution settings included, since WFLY-21339 of June 2026, later than 39.0.1.)
 *
 * <p>So the timers, which need histogram buckets, are registered on the server's registry itself ({@link
 * ServerRegistry}), each under the id WildFly gives it for this deployment, deployment tag included, with the buckets
 * of {@link #TIME_BUCKETS}. Outside WildFly, or if that registry cannot be found, they stay plain timers (count, sum,
 * max) in the deployment's registry.
 */
@ApplicationScoped
public class RelayMeters {

    static final String ACCEPTED = "smtpfeed_messages_accepted";
    static final String REFUSED = "smtpfeed_messages_refused";
    static final String DELIVERIES = "smtpfeed_deliveries";
    static final String QUARANTINED = "smtpfeed_copies_quarantined";
    static final String FILTER_TIME = "smtpfeed_filter";
    static final String DELIVERY_TIME = "smtpfeed_delivery";

    /**
     * The upper bounds of the filter and delivery histograms' buckets (Prometheus's {@code le}): from a greylist
     * lookup or a clamd scan of a few milliseconds to a slow customer's server; longer falls in {@code +Inf} only.
     */
    static final Duration[] TIME_BUCKETS = Stream.of(1, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000,
            30_000).map(Duration::ofMillis).toArray(Duration[]::new);

    private static final Logger LOG = Logger.getLogger(RelayMeters.class.getName());

    @Inject
    MeterRegistry registry;

    /**
     * The server's registry, where the timers with buckets go; looked up at the first timer rather than at start, as
     * the look-up waits on a server service, which a deployment's start must not do. Empty outside WildFly.
     */
    volatile Optional<MeterRegistry> serverRegistry;

    /**
     * The meters by name and tags, looked up in WildFly's registry once: its look-up is a search over every meter,
     * which the profile of the bench load showed at 4.6 % of the relay's CPU when made at each message.
     */
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();
    private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();

    private final List<Runnable> gaugeRemovals = new CopyOnWriteArrayList<>();

    public void accepted() {
        counter(ACCEPTED).increment();
    }

    public void refused(RefusalReason reason) {
        counter(REFUSED, "reason", reason.label()).increment();
    }

    /** A recipient's copy that delivery left in this state: delivered, deferred, bounced or expired. */
    public void deliveryRecorded(DeliveryState state) {
        counter(DELIVERIES, "state", state.name().toLowerCase(Locale.ROOT)).increment();
    }

    /** Copies that their domain's spam action put into quarantine. */
    public void quarantined(long copies) {
        counter(QUARANTINED).increment(copies);
    }

    /** Messages accepted by this node since it started. */
    public double acceptedTotal() {
        return counter(ACCEPTED).count();
    }

    /** Copies this node delivered since it started. */
    public double deliveredTotal() {
        return counter(DELIVERIES, "state", "delivered").count();
    }

    /** Runs one filter at the end of DATA (greylist, virus_scan, spam_check), timing it whatever its outcome. */
    public <T, E extends Exception> T timeFilter(String filter, FilterStep<T, E> step) throws E {
        Timer timer = timer(FILTER_TIME, "filter", filter);
        // Not Timer.start(registry): WildFly logs a warning at every config() of a deployment's registry.
        Timer.Sample sample = Timer.start();
        try {
            return step.run();
        } finally {
            sample.stop(timer);
        }
    }

    /** Times one SMTP transaction with a customer's server. */
    public <T> T timeDelivery(Supplier<T> transaction) {
        return timer(DELIVERY_TIME).record(transaction);
    }

    private Counter counter(String name, String... tags) {
        return counters.computeIfAbsent(key(name, tags), k -> registry.counter(name, tags));
    }

    private Timer timer(String name, String... tags) {
        return timers.computeIfAbsent(key(name, tags), k -> withBuckets(registry.timer(name, tags)));
    }

    private static List<String> key(String name, String... tags) {
        return Stream.concat(Stream.of(name), Stream.of(tags)).toList();
    }

    /** The timer WildFly made for this deployment, replaced on the server's registry by one with its id and buckets. */
    private Timer withBuckets(Timer plain) {
        Optional<MeterRegistry> server = serverRegistry();
        if (server.isEmpty()) {
            return plain;
        }
        Meter.Id id = plain.getId();
        server.get().remove(id);
        return Timer.builder(id.getName()).tags(id.getTags()).description(id.getDescription())
                .serviceLevelObjectives(TIME_BUCKETS).register(server.get());
    }

    private Optional<MeterRegistry> serverRegistry() {
        Optional<MeterRegistry> found = serverRegistry;
        if (found == null) {
            synchronized (this) {
                if (serverRegistry == null) {
                    serverRegistry = lookUpServerRegistry();
                }
                found = serverRegistry;
            }
        }
        return found;
    }

    /** Never fails: a message must not be refused because a timer could not get its buckets. */
    private static Optional<MeterRegistry> lookUpServerRegistry() {
        try {
            return ServerRegistry.find();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "WildFly's meter registry could not be reached: the relay's timers have no "
                    + "histogram buckets", e);
            return Optional.empty();
        }
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
