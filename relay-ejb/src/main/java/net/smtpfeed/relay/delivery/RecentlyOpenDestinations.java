package net.smtpfeed.relay.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The destinations this node found open a moment ago. For that moment a delivery to them does not ask the database
 * about them again: under load that saves a transaction per message, and a destination that another node has just
 * found down costs at most that moment's worth of extra connection attempts.
 */
final class RecentlyOpenDestinations {

    private final Duration trustedFor;
    private final Map<String, Instant> openAt = new ConcurrentHashMap<>();

    RecentlyOpenDestinations(Duration trustedFor) {
        this.trustedFor = trustedFor;
    }

    boolean isOpen(String destination, Instant now) {
        Instant seen = openAt.get(destination);
        return seen != null && Duration.between(seen, now).compareTo(trustedFor) < 0;
    }

    void foundOpen(String destination, Instant now) {
        openAt.put(destination, now);
    }

    void foundDown(String destination) {
        openAt.remove(destination);
    }
}
