package io.onair.streaming.application.recording;

import io.onair.streaming.infrastructure.storage.SegmentStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes the recordings of broadcasts that ended longer ago than the retention period: the files
 * first, then the index rows. In that order a crash in between leaves rows without files, and the
 * next run finds the broadcast again (it still has rows), deletes its files (already gone: no
 * error) and then its rows. The other order would leave files that no row points to, which no later
 * run would ever find. A recording whose files cannot all be deleted keeps its rows, so it is tried
 * again next time.
 *
 * <p>The broadcast row itself stays, with its channel, times and key: it is the record of who
 * broadcast what and when, a few hundred bytes, and lets the portal say that a replay has expired
 * rather than that it never existed.
 */
final class RecordingRetention {

  private static final Logger LOG = Logger.getLogger(RecordingRetention.class.getName());

  private final SegmentStore store;
  private final RecordingTransactions transactions;
  private final Clock clock;
  private final Duration keep;

  RecordingRetention(
      SegmentStore store, RecordingTransactions transactions, Clock clock, Duration keep) {
    if (keep.isNegative() || keep.isZero()) {
      throw new IllegalArgumentException("retention must be positive, was " + keep);
    }
    this.store = store;
    this.transactions = transactions;
    this.clock = clock;
    this.keep = keep;
  }

  /**
   * Deletes up to {@code max} expired recordings, oldest first.
   *
   * @return how many it deleted; fewer than {@code max} means there is nothing more to do now
   */
  int run(int max) {
    Instant cutoff = clock.instant().minus(keep);
    List<Long> expired =
        transactions.inNewTransaction(r -> r.recordings().recordingsEndedBefore(cutoff, max));
    int deleted = 0;
    for (long broadcastId : expired) {
      try {
        store.deleteBroadcast(broadcastId);
      } catch (IOException e) {
        LOG.log(
            Level.WARNING,
            "Replay of broadcast "
                + broadcastId
                + " expired, but its files could not be deleted;"
                + " trying again at the next run",
            e);
        continue;
      }
      int segments =
          transactions.inNewTransaction(r -> r.recordings().deleteRecordingOf(broadcastId));
      LOG.info(
          () ->
              "Replay of broadcast "
                  + broadcastId
                  + " expired: deleted its files and "
                  + segments
                  + " segment rows.");
      deleted++;
    }
    return deleted;
  }
}
