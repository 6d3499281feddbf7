package net.smtpfeed.relay.delivery;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.domain.mail.SmtpReply;
import net.smtpfeed.domain.spam.SpamMark;
import net.smtpfeed.relay.mailbox.MailboxDelivery;
import net.smtpfeed.relay.metrics.RelayMeters;
import net.smtpfeed.relay.queue.ClaimedDelivery;
import net.smtpfeed.relay.queue.DeliveryOutcome;
import net.smtpfeed.relay.queue.GroupCommit;
import net.smtpfeed.relay.queue.MessageStore;
import net.smtpfeed.relay.queue.NodeClaims;
import net.smtpfeed.relay.queue.QueueLedger;
import net.smtpfeed.relay.queue.QueuedContent;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers the claimed deliveries of one message: each destination's recipients in one SMTP transaction, unless the
 * destination is known to be down, and the copies for domains in mailbox mode into their mailboxes; and records every
 * recipient's outcome. Nothing here holds a transaction open.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class.getName());

    @Inject
    QueueLedger ledger;

    @Inject
    DestinationGate gate;

    @Inject
    MessageStore store;

    @Inject
    NodeClaims claims;

    @Inject
    RelayMeters meters;

    @Inject
    MailboxDelivery mailboxes;

    @Inject
    @ConfigProperty(name = "smtpfeed.smtp.hostname", defaultValue = "localhost")
    String heloName;

    @Inject
    @ConfigProperty(name = "smtpfeed.delivery.connect-timeout", defaultValue = "PT30S")
    Duration connectTimeout;

    @Inject
    @ConfigProperty(name = "smtpfeed.delivery.helo-timeout", defaultValue = "PT5M")
    Duration heloTimeout;

    @Inject
    @ConfigProperty(name = "smtpfeed.delivery.mail-timeout", defaultValue = "PT5M")
    Duration mailTimeout;

    @Inject
    @ConfigProperty(name = "smtpfeed.delivery.data-init-timeout", defaultValue = "PT2M")
    Duration dataInitTimeout;

    @Inject
    @ConfigProperty(name = "smtpfeed.delivery.data-transfer-timeout", defaultValue = "PT3M")
    Duration dataTransferTimeout;

    @Inject
    @ConfigProperty(name = "smtpfeed.delivery.data-done-timeout", defaultValue = "PT10M")
    Duration dataDoneTimeout;

    @Inject
    @ConfigProperty(name = "smtpfeed.delivery.connection-reuse", defaultValue = "PT2S")
    Duration connectionReuse;

    @Inject
    @ConfigProperty(name = "smtpfeed.delivery.concurrency", defaultValue = "20")
    int concurrency;

    @Inject
    @ConfigProperty(name = "smtpfeed.bounce.relay")
    Optional<String> bounceRelay;

    @Inject
    @ConfigProperty(name = "smtpfeed.dns.servers")
    Optional<String> dnsServers;

    @Resource
    private ManagedScheduledExecutorService timer;

    @Resource
    private ManagedThreadFactory threadFactory;

    private final RecentlyOpenDestinations recentlyOpen = new RecentlyOpenDestinations(Duration.ofSeconds(1));
    private SmtpDeliveryClient client;
    private NoticeRoute noticeRoute;
    private ScheduledFuture<?> idleSweep;
    private ScheduledFuture<?> leaseRenewal;
    private GroupCommit<QueueLedger.Outcomes, QueueLedger.Outcomes> records;
    private final Set<String> claimsUnderWay = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void init() {
        client = new SmtpDeliveryClient(heloName, new SmtpTimeouts(connectTimeout, heloTimeout, mailTimeout, dataInitTimeout,
                dataTransferTimeout, dataDoneTimeout), connectionReuse, concurrency);
        noticeRoute = new NoticeRoute(bounceRelay.map(NoticeRoute::parseRelay), NoticeRoute.resolver(dnsServers));
        long sweep = Math.max(100, connectionReuse.toMillis() / 2);
        idleSweep = timer.scheduleWithFixedDelay(client::closeIdleConnections, sweep, sweep, TimeUnit.MILLISECONDS);
        long renewal = claims.lease().toMillis() / 3;
        leaseRenewal = timer.scheduleWithFixedDelay(this::renewLeases, renewal, renewal, TimeUnit.MILLISECONDS);
        records = new GroupCommit<>("smtpfeed-delivery-records", batch -> {
            ledger.recordAll(batch);
            return batch;
        }, concurrency, threadFactory);
    }

    @PreDestroy
    void stop() {
        idleSweep.cancel(false);
        leaseRenewal.cancel(false);
        records.close();
        client.close();
    }

    /** Delivers the deliveries of one message (all claimed by the caller). */
    public void deliver(List<ClaimedDelivery> claimed) {
        if (claimed.isEmpty()) {
            return;
        }
        Set<String> tokens = claimed.stream().map(ClaimedDelivery::claimToken).collect(Collectors.toSet());
        claimsUnderWay.addAll(tokens);
        try (QueuedContent content = store.content(claimed.get(0).messageId())) {
            claimed.stream().filter(ClaimedDelivery::toMailbox).forEach(copy -> storeInMailbox(copy, content));
            byRoute(claimed.stream().filter(d -> !d.isNotice() && !d.toMailbox()).toList())
                    .forEach((route, deliveries) -> deliver(route, deliveries, content));
            claimed.stream().filter(ClaimedDelivery::isNotice).forEach(notice -> deliverNotice(notice, content));
        } finally {
            claimsUnderWay.removeAll(tokens);
        }
    }

    /**
     * A domain in mailbox mode gets the copy in its mailbox. One that could not be stored is deferred like a copy its
     * server did not take: it is tried again on the retry schedule, and expires at the end of its queue lifetime.
     */
    private void storeInMailbox(ClaimedDelivery copy, QueuedContent content) {
        Optional<DeliveryOutcome> notStored;
        try {
            notStored = mailboxes.store(copy, content);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, copy.queueId() + ": could not store the copy for " + copy.recipient(), e);
            // The customer sees the last error on their queue page: the cause stays in the log.
            notStored = Optional.of(new DeliveryOutcome(copy, false,
                    SmtpReply.parse("451 4.3.0 could not store it in a mailbox this time; trying again")));
        }
        notStored.ifPresent(outcome -> ledger.record(List.of(outcome), "mailbox", Instant.now()));
    }

    /** A large message to a slow server may take longer than a lease: its claim is renewed while it is under way. */
    private void renewLeases() {
        try {
            ledger.renewLeases(Set.copyOf(claimsUnderWay), Instant.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not renew the leases of deliveries under way", e);
        }
    }

    /**
     * A notice goes to the sender domain's mail servers in preference order (or the ISP's outbound relay): the next
     * one is tried when one does not answer. No route in DNS is recorded like a refusal, permanent or temporary.
     */
    private void deliverNotice(ClaimedDelivery notice, QueuedContent content) {
        List<Destination> servers;
        try {
            servers = noticeRoute.destinationsFor(notice.recipient());
        } catch (NoticeRoute.NoRoute e) {
            ledger.record(List.of(new DeliveryOutcome(notice, false, SmtpReply.parse(e.reply()))), "DNS", Instant.now());
            return;
        }
        List<DeliveryOutcome> outcomes = List.of();
        Destination tried = null;
        for (Destination server : servers) {
            tried = server;
            outcomes = send(new Route(server, false, Optional.empty()), List.of(notice), content);
            if (!outcomes.get(0).reply().isServerUnavailable()) {
                break;
            }
        }
        ledger.record(outcomes, String.valueOf(tried), Instant.now());
    }

    private void deliver(Route route, List<ClaimedDelivery> deliveries, QueuedContent content) {
        Destination destination = route.destination();
        Instant now = Instant.now();
        DestinationGate.Admission admission = recentlyOpen.isOpen(destination.toString(), now)
                ? DestinationGate.Admission.OPEN : gate.admit(destination.toString(), now);
        if (admission.equals(DestinationGate.Admission.OPEN)) {
            recentlyOpen.foundOpen(destination.toString(), now);
        }
        if (admission.isClosed()) {
            ledger.postpone(deliveries.stream().map(ClaimedDelivery::deliveryId).toList(), admission.closedUntil(),
                    "not tried: " + destination + " is not answering; next try " + admission.closedUntil(), now);
            return;
        }
        List<DeliveryOutcome> outcomes = send(route, deliveries, content);
        Instant done = Instant.now();
        records.submit(new QueueLedger.Outcomes(outcomes, destination.toString(), done));
        updateGate(destination, outcomes, admission.probe(), done);
    }

    /** One SMTP transaction for the deliveries, each with its outcome; nothing recorded yet. */
    private List<DeliveryOutcome> send(Route route, List<ClaimedDelivery> deliveries, QueuedContent content) {
        ClaimedDelivery first = deliveries.get(0);
        Destination destination = route.destination();
        List<RecipientResult> results = meters.timeDelivery(() -> client.send(destination, first.sender(),
                deliveries.stream().map(ClaimedDelivery::recipient).toList(), content, route.requireTls(),
                SpamMarking.of(route.spamMark())));
        List<DeliveryOutcome> outcomes = new ArrayList<>(deliveries.size());
        for (int i = 0; i < deliveries.size(); i++) {
            RecipientResult result = results.get(i);
            SmtpReply reply = SmtpReply.parse(result.reply());
            outcomes.add(new DeliveryOutcome(deliveries.get(i), result.accepted(), reply));
            LOG.info(() -> first.queueId() + ": to=<" + result.recipient() + "> relay=" + destination
                    + " status=" + (result.accepted() ? "sent" : reply.isPermanentFailure() ? "bounced" : "deferred")
                    + " (" + reply + ")");
        }
        return outcomes;
    }

    /**
     * After the outcomes are safe: a gate that could not be updated only costs an extra connection attempt. Only the
     * probe of a failing destination reopens it; an ordinary success has nothing to reopen and costs no transaction.
     */
    private void updateGate(Destination destination, List<DeliveryOutcome> outcomes, boolean probe, Instant now) {
        try {
            if (outcomes.stream().allMatch(o -> !o.accepted() && o.reply().isServerUnavailable())) {
                recentlyOpen.foundDown(destination.toString());
                gate.failed(destination.toString(), outcomes.get(0).reply().toString(), now);
            } else if (probe) {
                gate.answered(destination, now);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not update the status of " + destination, e);
        }
    }

    /** The recipients that go to one server in one SMTP transaction: the same copy, over the same kind of connection. */
    private record Route(Destination destination, boolean requireTls, Optional<SpamMark> spamMark) {
    }

    private Map<Route, List<ClaimedDelivery>> byRoute(List<ClaimedDelivery> claimed) {
        Map<Route, List<ClaimedDelivery>> groups = new LinkedHashMap<>();
        for (ClaimedDelivery delivery : claimed) {
            groups.computeIfAbsent(new Route(delivery.destination(), delivery.requireTls(), delivery.spamMark()),
                    r -> new ArrayList<>()).add(delivery);
        }
        return groups;
    }
}
