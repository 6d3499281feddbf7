package net.smtpfeed.relay.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Open connections to destinations, kept for a moment after a delivery so that the next message to the same server
 * skips the TCP handshake, the greeting, EHLO and STARTTLS, as Postfix's connection cache does
 * (smtp_connection_cache_time_limit). The most recently used connection is handed out first; one idle for longer than
 * the limit is closed, so a customer's server never sees our connections linger.
 *
 * @param <K> what a connection is for (a destination and its TLS level)
 * @param <C> the connection
 */
final class IdleConnections<K, C> {

    private record Idle<C>(C connection, Instant since) {
    }

    private final Duration timeLimit;
    private final int perDestination;
    private final Consumer<C> closer;
    private final Map<K, Deque<Idle<C>>> idle = new HashMap<>();
    private boolean closed;

    IdleConnections(Duration timeLimit, int perDestination, Consumer<C> closer) {
        this.timeLimit = timeLimit;
        this.perDestination = perDestination;
        this.closer = closer;
    }

    /** The most recently kept connection for the key that has not outlived the limit, or null. */
    C take(K key, Instant now) {
        List<C> stale = new ArrayList<>();
        C fresh = null;
        synchronized (this) {
            Deque<Idle<C>> kept = idle.get(key);
            while (kept != null && !kept.isEmpty() && fresh == null) {
                Idle<C> newest = kept.pollFirst();
                if (isStale(newest, now)) {
                    stale.add(newest.connection());
                } else {
                    fresh = newest.connection();
                }
            }
        }
        stale.forEach(closer);
        return fresh;
    }

    /** Keeps a connection that has just finished a delivery; closes it when there is no room or the cache is closed. */
    void keep(K key, C connection, Instant now) {
        boolean kept = false;
        synchronized (this) {
            Deque<Idle<C>> forKey = idle.computeIfAbsent(key, k -> new ArrayDeque<>());
            if (!closed && forKey.size() < perDestination) {
                forKey.addFirst(new Idle<>(connection, now));
                kept = true;
            }
        }
        if (!kept) {
            closer.accept(connection);
        }
    }

    /** Closes the connections that have been idle longer than the limit. */
    void closeStale(Instant now) {
        List<C> stale = new ArrayList<>();
        synchronized (this) {
            for (Iterator<Deque<Idle<C>>> keys = idle.values().iterator(); keys.hasNext(); ) {
                Deque<Idle<C>> kept = keys.next();
                kept.removeIf(connection -> isStale(connection, now) && stale.add(connection.connection()));
                if (kept.isEmpty()) {
                    keys.remove();
                }
            }
        }
        stale.forEach(closer);
    }

    /** Closes every idle connection and keeps none from now on. */
    void closeAll() {
        List<C> all = new ArrayList<>();
        synchronized (this) {
            closed = true;
            idle.values().forEach(kept -> kept.forEach(connection -> all.add(connection.connection())));
            idle.clear();
        }
        all.forEach(closer);
    }

    private boolean isStale(Idle<C> connection, Instant now) {
        return Duration.between(connection.since(), now).compareTo(timeLimit) > 0;
    }
}
