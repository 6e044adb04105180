package io.onair.streaming.application.recording;

import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Empties the {@link IndexQueue} into the database, one batch per transaction. A plain class: the
 * container runs {@link #drain} every so often on a managed executor ({@link SegmentIndexer}), the
 * tests call it directly.
 *
 * <p>Failures. A batch that fails is kept and written again on a later run, after a pause that
 * doubles with each failure up to {@link #MAX_PAUSE_RUNS} runs, and nothing behind it overtakes it
 * (tracks must precede their segments). Entries are never dropped because the database is down: the
 * queue's bound is what limits memory then. Only a batch the database refuses as bad data (SQLState
 * class 22 or 23; the entries are validated against the table's rules, so this would be a bug) is
 * split up: each entry is written alone, and the ones refused alone are logged and dropped so that
 * they cannot block the index forever. Their files stay; recovery indexes them at the next start.
 */
final class IndexDrain {

  /** Writes a batch in a transaction of its own; throws if it did not commit. */
  @FunctionalInterface
  interface BatchWriter {
    void write(List<IndexEntry> batch);
  }

  static final int MAX_PAUSE_RUNS = 40;
  private static final Logger LOG = Logger.getLogger(IndexDrain.class.getName());

  private final IndexQueue queue;
  private final BatchWriter writer;
  private final int batchSize;

  private List<IndexEntry> pending = List.of();
  private int failures;
  private int pauseRuns;

  IndexDrain(IndexQueue queue, BatchWriter writer, int batchSize) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batch size must be positive, was " + batchSize);
    }
    this.queue = queue;
    this.writer = writer;
    this.batchSize = batchSize;
  }

  /**
   * Writes what is queued, batch after batch, until the queue is empty or a batch fails. Runs one
   * at a time: a final drain at shutdown waits for a scheduled one in progress.
   *
   * @return the number of entries written
   */
  synchronized int drain() {
    if (pauseRuns > 0) {
      pauseRuns--;
      return 0;
    }
    int written = 0;
    while (true) {
      if (pending.isEmpty()) {
        pending = queue.poll(batchSize);
        if (pending.isEmpty()) {
          return written;
        }
      }
      written += writePending();
      if (failures > 0) {
        return written;
      }
    }
  }

  /** A last drain at shutdown: now, whatever pause a failure asked for. */
  synchronized int flush() {
    pauseRuns = 0;
    return drain();
  }

  /** Entries taken from the queue but not yet written. */
  synchronized int pending() {
    return pending.size();
  }

  /** Writes the pending batch; returns how many entries it wrote. */
  private int writePending() {
    try {
      writer.write(pending);
    } catch (RuntimeException e) {
      if (isBadData(e)) {
        return writeOneByOne();
      }
      failed(e);
      return 0;
    }
    int done = pending.size();
    succeeded();
    return done;
  }

  /**
   * The database refused the batch's data: each entry alone, dropping those refused as bad data.
   * Any other failure stops here and keeps the rest for later.
   */
  private int writeOneByOne() {
    int done = 0;
    while (!pending.isEmpty()) {
      IndexEntry entry = pending.get(0);
      try {
        writer.write(List.of(entry));
        done++;
      } catch (RuntimeException e) {
        if (!isBadData(e)) {
          failed(e);
          return done;
        }
        LOG.log(
            Level.SEVERE,
            "Index entry dropped, the database refuses it: "
                + entry
                + ". Its file stays and is indexed at the next start.",
            e);
      }
      pending = pending.subList(1, pending.size());
    }
    succeeded();
    return done;
  }

  private void failed(RuntimeException e) {
    failures++;
    pauseRuns = Math.min(1 << Math.min(failures - 1, 16), MAX_PAUSE_RUNS);
    if (failures == 1 || failures % 100 == 0) {
      LOG.log(
          Level.SEVERE,
          "Index batch of "
              + pending.size()
              + " entries not written ("
              + failures
              + " attempts so far); "
              + queue.segmentsWaiting()
              + " segments wait behind it. Retrying.",
          e);
    }
  }

  private void succeeded() {
    if (failures > 0) {
      int after = failures;
      LOG.info(() -> "Index batches are written again, after " + after + " failed attempts.");
    }
    failures = 0;
    pending = List.of();
  }

  /** Whether the database refused the data itself (SQLState class 22 or 23), not the request. */
  static boolean isBadData(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        return state.startsWith("22") || state.startsWith("23");
      }
    }
    return false;
  }
}
