package io.onair.streaming.application.recording;

import io.onair.streaming.domain.broadcast.Broadcast;
import io.onair.streaming.domain.recording.RecordedTrack;
import io.onair.streaming.infrastructure.storage.SegmentStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the application does at start, before it accepts media, so that after a crash or a kill -9
 * the index and the files agree and every broadcast is playable up to its last complete segment:
 *
 * <ol>
 *   <li>the broadcasts the crash may have left inconsistent are reconciled ({@link
 *       BroadcastReconciliation}): those still live, and those that ended in the last {@link
 *       #RECENT} (entries of a broadcast can still be queued after it ends, and a queue refused
 *       when full is only reconciled here). Older broadcasts were consistent when this ran last,
 *       and checking every file of every retained broadcast would make each start take minutes on a
 *       large store;
 *   <li>then every broadcast still live is ended: its publisher's connection died with the process.
 *       It ends where its media ends (the end of its latest indexed segment), or when it started if
 *       it has none. Ending them also keeps a reconnecting encoder from taking over a broadcast
 *       whose packager state is gone.
 * </ol>
 *
 * Reconciling comes first so that segments indexed from files count for the end time. A broadcast
 * whose reconciliation fails (an unreadable directory) is logged and still ended.
 */
final class RecordingRecovery {

  static final Duration RECENT = Duration.ofHours(24);
  private static final Logger LOG = Logger.getLogger(RecordingRecovery.class.getName());

  /** A broadcast to reconcile: its id and start, read in the transaction that found it. */
  private record Found(long id, Instant startedAt, boolean live) {
    static Found of(Broadcast b) {
      return new Found(b.id(), b.startedAt(), b.isLive());
    }
  }

  private final SegmentStore store;
  private final RecordingTransactions transactions;
  private final Clock clock;

  RecordingRecovery(SegmentStore store, RecordingTransactions transactions, Clock clock) {
    this.store = store;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Returns the ids of the broadcasts it ended. */
  List<Long> recover() {
    Instant since = clock.instant().minus(RECENT);
    List<Found> found =
        transactions.inNewTransaction(
            r -> {
              List<Found> all = new ArrayList<>();
              r.broadcasts().live().forEach(b -> all.add(Found.of(b)));
              r.broadcasts().endedSince(since).forEach(b -> all.add(Found.of(b)));
              return all;
            });
    List<Long> ended = new ArrayList<>();
    for (Found broadcast : found) {
      reconcile(broadcast);
      if (broadcast.live()) {
        ended.add(broadcast.id());
        end(broadcast.id());
      }
    }
    return ended;
  }

  private void reconcile(Found broadcast) {
    try {
      BroadcastReconciliation.Outcome outcome =
          new BroadcastReconciliation(store, transactions, broadcast.id(), broadcast.startedAt())
              .run();
      if (outcome.changedAnything()) {
        LOG.info(() -> "Recovered broadcast " + broadcast.id() + ": " + outcome + ".");
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(
          Level.SEVERE,
          "Recovery of broadcast " + broadcast.id() + " failed; its index and files may disagree",
          e);
    }
  }

  /** Ends a broadcast the crash left live, where its indexed media ends. */
  private void end(long broadcastId) {
    Instant at =
        transactions.inNewTransaction(
            r -> {
              Broadcast broadcast = r.broadcasts().find(broadcastId).orElseThrow();
              Instant end = mediaEnd(r, broadcastId).orElse(broadcast.startedAt());
              broadcast.end(end);
              return broadcast.endedAt();
            });
    LOG.warning(
        () -> "Broadcast " + broadcastId + " was live when the server stopped; ended at " + at);
  }

  private static Optional<Instant> mediaEnd(RecordingRepositories r, long broadcastId) {
    Optional<Instant> end = Optional.empty();
    for (RecordedTrack track : r.recordings().tracksOf(broadcastId)) {
      Optional<Instant> trackEnd =
          r.recordings().lastSegmentOf(track).map(s -> s.endsAt(track.timescale()));
      if (trackEnd.isPresent() && (end.isEmpty() || trackEnd.get().isAfter(end.get()))) {
        end = trackEnd;
      }
    }
    return end;
  }
}
