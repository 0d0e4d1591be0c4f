package org.intentpod.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import org.intentpod.http.HttpProblem;

/**
 * Limits failed logins per account and per client address within a sliding window, so passwords cannot be
 * guessed at speed. The limit is configurable: tests all come from 127.0.0.1 and must not trip it by accident.
 */
public final class LoginThrottle {
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private final int maxFailures;
    private final Clock clock;
    private final ConcurrentHashMap<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, Clock clock) {
        this.maxFailures = maxFailures;
        this.clock = clock;
    }

    /** Refuses with 429 when the account or the address has failed too often lately. */
    public void check(String username, String address) {
        for (String key : new String[] {"account:" + username, "address:" + address}) {
            if (recent(key) >= maxFailures) {
                throw new HttpProblem(429, "Too Many Requests", "Too many failed logins; wait a minute and try again",
                        java.util.Map.of("Retry-After", Long.toString(WINDOW.toSeconds())));
            }
        }
    }

    public void failed(String username, String address) {
        long now = clock.millis();
        for (String key : new String[] {"account:" + username, "address:" + address}) {
            Deque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                times.addLast(now);
            }
        }
    }

    private int recent(String key) {
        Deque<Long> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        long oldest = clock.millis() - WINDOW.toMillis();
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() < oldest) {
                times.removeFirst();
            }
            return times.size();
        }
    }
}
