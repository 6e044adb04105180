package io.onair.streaming.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed publish attempts per remote host, in a sliding window: a host with {@code maxFailures}
 * failures within {@code window} is locked out until its oldest failure leaves the window. Bounded:
 * it remembers at most {@code maxHosts} hosts, forgetting the least recently failed first, so a
 * scan from many addresses cannot grow it without limit. Not thread-safe; its owner locks.
 */
final class FailedAttempts {

  private final int maxFailures;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> byHost;

  FailedAttempts(int maxFailures, Duration window, int maxHosts, Clock clock) {
    if (maxFailures < 1 || window.isNegative() || window.isZero() || maxHosts < 1) {
      throw new IllegalArgumentException("lockout needs failures >= 1, a window > 0, hosts >= 1");
    }
    this.maxFailures = maxFailures;
    this.window = window;
    this.clock = clock;
    this.byHost =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > maxHosts;
          }
        };
  }

  boolean isLockedOut(String host) {
    Deque<Instant> failures = byHost.get(host);
    if (failures == null) {
      return false;
    }
    forgetOld(failures);
    return failures.size() >= maxFailures;
  }

  void failed(String host) {
    Deque<Instant> failures = byHost.computeIfAbsent(host, h -> new ArrayDeque<>());
    forgetOld(failures);
    failures.addLast(clock.instant());
    while (failures.size() > maxFailures) {
      failures.removeFirst();
    }
  }

  /**
   * A host that got in forgets its failures: a typo before the right key is not held against it.
   */
  void succeeded(String host) {
    byHost.remove(host);
  }

  private void forgetOld(Deque<Instant> failures) {
    Instant horizon = clock.instant().minus(window);
    while (!failures.isEmpty() && !failures.peekFirst().isAfter(horizon)) {
      failures.removeFirst();
    }
  }
}
