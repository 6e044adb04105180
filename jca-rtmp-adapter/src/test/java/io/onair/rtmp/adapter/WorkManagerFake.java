package io.onair.rtmp.adapter;

import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkEvent;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import jakarta.resource.spi.work.WorkRejectedException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A WorkManager running work on its own named thread, or rejecting all work when told to. */
final class WorkManagerFake implements WorkManager {

  static final String THREAD_NAME = "fake-work-manager";

  private final ExecutorService executor;
  private final boolean rejecting;

  WorkManagerFake(boolean rejecting) {
    this(rejecting, 1);
  }

  WorkManagerFake(boolean rejecting, int threads) {
    this.rejecting = rejecting;
    this.executor = Executors.newFixedThreadPool(threads, r -> new Thread(r, THREAD_NAME));
  }

  @Override
  public void scheduleWork(Work work, long startTimeout, ExecutionContext ctx, WorkListener l)
      throws WorkException {
    if (rejecting) {
      WorkRejectedException rejected = new WorkRejectedException("no threads");
      l.workRejected(new WorkEvent(this, WorkEvent.WORK_REJECTED, work, rejected));
      throw rejected;
    }
    executor.execute(
        () -> {
          work.run();
          l.workCompleted(new WorkEvent(this, WorkEvent.WORK_COMPLETED, work, null));
        });
  }

  void shutdown() {
    executor.shutdownNow();
  }

  @Override
  public void doWork(Work work) {
    throw new UnsupportedOperationException("the adapter never blocks on work");
  }

  @Override
  public void doWork(Work work, long t, ExecutionContext c, WorkListener l) {
    throw new UnsupportedOperationException("the adapter never blocks on work");
  }

  @Override
  public long startWork(Work work) {
    throw new UnsupportedOperationException();
  }

  @Override
  public long startWork(Work work, long t, ExecutionContext c, WorkListener l) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void scheduleWork(Work work) throws WorkException {
    scheduleWork(work, INDEFINITE, null, null);
  }
}
