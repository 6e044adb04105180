package io.onair.streaming.application.packaging;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The recording of one broadcast, on a thread other than its packaging. Storing a segment waits for
 * the disk (a write and two fsyncs, which take a second on a busy disk); on the packaging thread
 * that would hold up the next parts every live player is waiting for. Here tasks run one at a time
 * in the order given, on the executor's threads, and at most {@link #CAPACITY} wait: a disk that
 * stalls longer than that loses segments from the recording (each refusal is the caller's to log),
 * never the live broadcast.
 */
final class RecordingLane {

  /** A minute of 2 s segments of two tracks. */
  static final int CAPACITY = 60;

  private static final Logger LOG = Logger.getLogger(RecordingLane.class.getName());

  /** One step of the recording. */
  @FunctionalInterface
  interface Task {
    void run() throws Exception;
  }

  private final String name;
  private final Executor executor;
  private final Queue<Task> waiting = new ArrayDeque<>();
  private boolean draining;

  RecordingLane(String name, Executor executor) {
    this.name = name;
    this.executor = executor;
  }

  /** Queues a task; false if {@link #CAPACITY} are waiting already. */
  boolean submit(Task task) {
    synchronized (waiting) {
      if (waiting.size() >= CAPACITY) {
        return false;
      }
      waiting.add(task);
      if (draining) {
        return true;
      }
      draining = true;
    }
    try {
      executor.execute(this::drain);
    } catch (RejectedExecutionException e) {
      LOG.log(Level.WARNING, e, () -> name + ": no thread for the recording; recording here");
      drain();
    }
    return true;
  }

  /**
   * Waits until what was submitted so far has run, at most {@code limit}: the end of a broadcast
   * waits for its last segments to be stored.
   *
   * @return whether it all ran in time
   */
  boolean awaitDone(Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    CountDownLatch done = new CountDownLatch(1);
    while (!submit(done::countDown)) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      Thread.sleep(100); // full: the queue drains as the disk allows
    }
    return done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  private void drain() {
    while (true) {
      Task next;
      synchronized (waiting) {
        next = waiting.poll();
        if (next == null) {
          draining = false;
          return;
        }
      }
      try {
        next.run();
      } catch (Exception e) {
        LOG.log(Level.SEVERE, e, () -> name + ": a recording step failed");
      }
    }
  }
}
