package io.onair.streaming.application.recording;

import io.onair.streaming.infrastructure.storage.SegmentStore;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Applies the retention policy every hour: replays of broadcasts that ended more than {@code
 * onair.retention.days} days ago (environment variable {@code ONAIR_RETENTION_DAYS}, default 30)
 * are deleted, files and rows. 0 or less keeps replays forever.
 *
 * <p>Hourly rather than daily keeps each run short and catches up soon after a server was down at
 * the scheduled time. The timer is not persistent: every run finds all that has expired, so a
 * missed run needs no replay, and no timer database is needed. In a cluster every instance runs it;
 * deleting twice is harmless. Bean-managed transactions: {@link RecordingRetention} commits one
 * broadcast at a time, after its files are gone.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class RetentionTimer {

  /** Broadcasts handled per transaction round, so that no run holds a long transaction. */
  static final int ROUND = 100;

  private static final Logger LOG = Logger.getLogger(RetentionTimer.class.getName());

  @Inject private SegmentStore store;
  @Inject private RecordingTransactions transactions;
  @Inject private Clock clock;

  @Inject
  @ConfigProperty(name = "onair.retention.days", defaultValue = "30")
  private int days;

  @Schedule(hour = "*", minute = "17", persistent = false, info = "replay retention")
  void expire() {
    if (days <= 0) {
      LOG.fine("Replay retention is off (onair.retention.days <= 0).");
      return;
    }
    RecordingRetention retention =
        new RecordingRetention(store, transactions, clock, Duration.ofDays(days));
    int deleted;
    do {
      deleted = retention.run(ROUND); // more may have expired than one round takes
    } while (deleted == ROUND);
  }
}
