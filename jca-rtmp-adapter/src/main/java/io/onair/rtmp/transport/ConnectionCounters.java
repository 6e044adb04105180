package io.onair.rtmp.transport;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** How many connections are open, and how many were accepted and refused since start. */
public final class ConnectionCounters {

  private final int limit;
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();

  ConnectionCounters(int limit) {
    this.limit = limit;
  }

  /** Counts a new connection in if there is room; false when the limit is reached. */
  boolean tryOpen() {
    while (true) {
      int current = open.get();
      if (current >= limit) {
        refused.incrementAndGet();
        return false;
      }
      if (open.compareAndSet(current, current + 1)) {
        accepted.incrementAndGet();
        return true;
      }
    }
  }

  void closed() {
    open.decrementAndGet();
  }

  public int open() {
    return open.get();
  }

  public long accepted() {
    return accepted.get();
  }

  public long refused() {
    return refused.get();
  }
}
