package io.onair.streaming.application.recording;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the index off the media path: every {@link #PERIOD_MILLIS} ms a short task on the server's
 * default managed scheduled executor drains the {@link IndexQueue}, one transaction per batch of up
 * to {@link #BATCH_SIZE} entries ({@link RecordingTransactions}, REQUIRES_NEW).
 *
 * <p>Why a periodic task and not a loop that blocks on the queue: a run that returns never holds a
 * pool thread, so nothing looks hung to the server and the transcoding executor keeps all of its
 * threads; fixed-delay runs never overlap, so there is exactly one consumer and the queue's order
 * (tracks before their segments) holds; and {@code
 * java:comp/DefaultManagedScheduledExecutorService} exists on every Jakarta EE server, Payara Micro
 * included, with nothing to create in the asadmin files. A quarter of a second is well under a
 * segment's duration, and batches then form by themselves: whatever arrived since the last run.
 *
 * <p>At shutdown the queue is drained once more. Whatever is still not written then (the database
 * is gone too) is indexed by {@link RecordingRecovery} at the next start, from the files.
 */
@Singleton
@Startup
@DependsOn("RecordingRecoveryBean")
@TransactionManagement(TransactionManagementType.BEAN)
public class SegmentIndexer {

  static final int BATCH_SIZE = 500;
  static final long PERIOD_MILLIS = 250;
  private static final Logger LOG = Logger.getLogger(SegmentIndexer.class.getName());

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  private ManagedScheduledExecutorService scheduler;

  @Inject private IndexQueue queue;
  @Inject private RecordingTransactions transactions;

  private IndexDrain drain;
  private ScheduledFuture<?> task;

  @PostConstruct
  void start() {
    drain =
        new IndexDrain(
            queue,
            batch -> transactions.inNewTransaction(r -> new IndexBatch(r).write(batch)),
            BATCH_SIZE);
    task =
        scheduler.scheduleWithFixedDelay(
            this::drainQuietly, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** A periodic task that throws is never run again: nothing may escape. */
  private void drainQuietly() {
    try {
      drain.drain();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Index drain failed; it runs again shortly", e);
    }
  }

  @PreDestroy
  void stop() {
    task.cancel(false);
    try {
      drain.flush();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Last index drain failed", e);
    }
    int left = queue.segmentsWaiting() + drain.pending();
    if (left > 0) {
      LOG.warning(
          () -> left + " index entries not written at shutdown; the next start indexes them.");
    }
  }
}
