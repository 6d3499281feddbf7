package net.smtpfeed.relay.pop3;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down and then stops password guessing: each failed login of a client address waits longer before its answer
 * (the first delay, doubled per failure, at most eight times it), and once a client address or a mailbox has had its
 * maximum of failures within the window, logins from it or to it are refused without looking at the password until
 * the oldest of those failures leaves the window. Counted per relay node, in memory.
 */
final class LoginThrottle {

    private static final int MAX_DOUBLINGS = 3;

    private final int maxFailuresPerClient;
    private final int maxFailuresPerMailbox;
    private final Duration window;
    private final Duration firstDelay;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failuresByClient = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> failuresByMailbox = new ConcurrentHashMap<>();

    LoginThrottle(int maxFailuresPerClient, int maxFailuresPerMailbox, Duration window, Duration firstDelay, Clock clock) {
        this.maxFailuresPerClient = maxFailuresPerClient;
        this.maxFailuresPerMailbox = maxFailuresPerMailbox;
        this.window = window;
        this.firstDelay = firstDelay;
        this.clock = clock;
    }

    /** Whether a login from the client to the mailbox may be tried now. */
    boolean allows(String client, String user) {
        Instant now = clock.instant();
        return recent(failuresByClient, client, now) < maxFailuresPerClient
                && recent(failuresByMailbox, mailboxKey(user), now) < maxFailuresPerMailbox;
    }

    /** Counts a failed login; returns how long to wait before answering it. */
    Duration failed(String client, String user) {
        Instant now = clock.instant();
        int failures = add(failuresByClient, client, now);
        add(failuresByMailbox, mailboxKey(user), now);
        return firstDelay.multipliedBy(1L << Math.min(failures - 1, MAX_DOUBLINGS));
    }

    /** Forgets the counts that are over, so that the maps hold only addresses and mailboxes failing now. */
    void forgetOld() {
        Instant now = clock.instant();
        for (Map<String, Deque<Instant>> failures : List.of(failuresByClient, failuresByMailbox)) {
            failures.keySet().forEach(key -> failures.computeIfPresent(key, (k, times) -> {
                dropOld(times, now);
                return times.isEmpty() ? null : times;
            }));
        }
    }

    private int recent(Map<String, Deque<Instant>> failures, String key, Instant now) {
        Deque<Instant> times = failures.computeIfPresent(key, (k, existing) -> {
            dropOld(existing, now);
            return existing.isEmpty() ? null : existing;
        });
        return times == null ? 0 : times.size();
    }

    private int add(Map<String, Deque<Instant>> failures, String key, Instant now) {
        return failures.compute(key, (k, existing) -> {
            Deque<Instant> times = existing == null ? new ArrayDeque<>() : existing;
            dropOld(times, now);
            times.addLast(now);
            return times;
        }).size();
    }

    private void dropOld(Deque<Instant> times, Instant now) {
        Instant since = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
            times.removeFirst();
        }
    }

    private static String mailboxKey(String user) {
        return user == null ? "" : user.toLowerCase(Locale.ROOT);
    }
}
