package io.onair.rtmp.adapter;

import java.util.ArrayDeque;
import java.util.Queue;

/**
 * How many listener calls run at once, and how many may wait for their turn. Payara's message-bean
 * pool does not wait for a free bean: past its size (32 by default) creating an endpoint fails at
 * once with ResourcesExceededException. A burst of players or encoders (a whole office opening the
 * stream at nine) must therefore queue here, in arrival order, not fail there. Measured: 100
 * players joining together lost one play to that exception before this limit existed.
 */
final class CallLimit {

  /** Below the default message-bean pool of 32, leaving beans for the container's own use. */
  static final int DEFAULT_CONCURRENT = 16;

  /** Beyond this many waiting, a decision is refused at once: the server is overwhelmed. */
  static final int DEFAULT_WAITING = 1024;

  private final int concurrent;
  private final int maxWaiting;
  private final Queue<Runnable> waiting = new ArrayDeque<>();
  private int running;

  CallLimit(int concurrent, int maxWaiting) {
    if (concurrent < 1 || maxWaiting < 0) {
      throw new IllegalArgumentException(concurrent + " concurrent, " + maxWaiting + " waiting");
    }
    this.concurrent = concurrent;
    this.maxWaiting = maxWaiting;
  }

  /**
   * Starts {@code call} now if a slot is free, or queues it; the caller reports its end with {@link
   * #done()}.
   *
   * @return false when the queue is full and {@code call} will never run
   */
  boolean submit(Runnable call) {
    synchronized (this) {
      if (running >= concurrent) {
        if (waiting.size() >= maxWaiting) {
          return false;
        }
        waiting.add(call);
        return true;
      }
      running++;
    }
    call.run();
    return true;
  }

  /** A call ended: the oldest waiting one, if any, takes its slot. */
  void done() {
    Runnable next;
    synchronized (this) {
      next = waiting.poll();
      if (next == null) {
        running--;
      }
    }
    if (next != null) {
      next.run();
    }
  }

  synchronized int running() {
    return running;
  }

  synchronized int waiting() {
    return waiting.size();
  }
}
