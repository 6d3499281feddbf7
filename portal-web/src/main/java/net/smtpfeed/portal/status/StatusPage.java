package net.smtpfeed.portal.status;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.ResourceBundle;
import net.smtpfeed.domain.mail.DestinationStatus;
import net.smtpfeed.domain.operations.QueueHistory;
import net.smtpfeed.domain.operations.RelayNode;
import net.smtpfeed.relay.health.ScannerHealth;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** /staff/status.xhtml: the relay nodes, the queue and throughput of the last hours, the scanners, the failing servers. */
@Named
@RequestScoped
public class StatusPage {

    @Inject
    private SystemStatus status;

    @Inject
    @ConfigProperty(name = "smtpfeed.node.heartbeat", defaultValue = "PT10S")
    Duration heartbeat;

    private final Instant now = Instant.now();
    private List<RelayNode> nodes;
    private List<QueueHistory.Bucket> history;
    private List<ScannerHealth.Scanner> scanners;
    private List<DestinationStatus> destinations;

    @PostConstruct
    void load() {
        nodes = status.nodes();
        history = status.history(now);
        scanners = status.scanners();
        destinations = status.deferredDestinations();
    }

    /** When the page was made: the time its figures are as of. */
    public Instant getNow() {
        return now;
    }

    public List<RelayNode> getNodes() {
        return nodes;
    }

    public boolean alive(RelayNode node) {
        return node.isAlive(now, heartbeat);
    }

    public long getNodesAlive() {
        return nodes.stream().filter(this::alive).count();
    }

    public List<ScannerHealth.Scanner> getScanners() {
        return scanners;
    }

    public List<DestinationStatus> getDestinations() {
        return destinations;
    }

    /** The queue now: the newest bucket that has a sample. */
    public QueueHistory.Bucket getLatest() {
        return history.stream().filter(b -> b.queued() + b.deferred() + b.accepted() + b.delivered() > 0)
                .reduce((first, second) -> second).orElse(history.get(history.size() - 1));
    }

    public long getAcceptedInSpan() {
        return history.stream().mapToLong(QueueHistory.Bucket::accepted).sum();
    }

    public long getDeliveredInSpan() {
        return history.stream().mapToLong(QueueHistory.Bucket::delivered).sum();
    }

    public long getSpanHours() {
        return SystemStatus.SPAN.toHours();
    }

    public String getQueueChart() {
        ResourceBundle labels = labels();
        return StatusCharts.queue(history, labels.getString("status.queued"), labels.getString("status.deferred")).toString();
    }

    public String getThroughputChart() {
        ResourceBundle labels = labels();
        return StatusCharts.throughput(history, labels.getString("status.accepted"), labels.getString("status.delivered"))
                .toString();
    }

    private static ResourceBundle labels() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "msg");
    }
}
