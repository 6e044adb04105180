package io.onair.streaming.application.recording;

import io.onair.streaming.domain.recording.NewSegment;
import io.onair.streaming.domain.recording.RecordedSegment;
import io.onair.streaming.domain.recording.RecordedTrack;
import io.onair.streaming.infrastructure.storage.SegmentStore;
import io.onair.streaming.infrastructure.storage.TrackFiles;
import io.onair.streaming.media.cmaf.MediaFormatException;
import io.onair.streaming.media.cmaf.SegmentTiming;
import io.onair.streaming.media.manifest.MediaPath;
import io.onair.streaming.media.manifest.TrackRef;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * Makes one broadcast's index and files agree again after a crash (or a lost disk):
 *
 * <ul>
 *   <li>temporary files (writes a crash interrupted) are deleted;
 *   <li>a track directory without a track row is deleted: its track was never indexed, so no player
 *       was ever given its segments, and without the row nothing says how to describe it;
 *   <li>a track row whose CMAF header is missing is deleted with its segments and files: none of
 *       them can be played without it;
 *   <li>a segment row whose file is missing is deleted;
 *   <li>a segment file without a row is indexed. It is complete (a file gets its final name only
 *       once all of it is on disk), and it is a segment the queue lost in the crash or refused when
 *       full, often the last seconds of the broadcast, so deleting it would lose media that players
 *       may already have been given live. Its start and duration are read from its own movie
 *       fragments; its wall-clock time follows from an indexed segment of the same track, or from
 *       the broadcast's start. A file that does not parse is deleted.
 * </ul>
 *
 * Files are only deleted or indexed, never rewritten; every step can be repeated, so a crash during
 * recovery is recovered by the next start.
 */
final class BroadcastReconciliation {

  private static final Logger LOG = Logger.getLogger(BroadcastReconciliation.class.getName());

  /** What was changed. */
  record Outcome(
      int temporaryFilesDeleted,
      int tracksDeleted,
      int rowsWithoutFileDeleted,
      int filesIndexed,
      int filesDeleted) {

    boolean changedAnything() {
      return temporaryFilesDeleted
              + tracksDeleted
              + rowsWithoutFileDeleted
              + filesIndexed
              + filesDeleted
          > 0;
    }
  }

  private final SegmentStore store;
  private final RecordingTransactions transactions;
  private final long broadcastId;
  private final Instant startedAt;

  private int temporaryFilesDeleted;
  private int tracksDeleted;
  private int rowsWithoutFileDeleted;
  private int filesIndexed;
  private int filesDeleted;

  BroadcastReconciliation(
      SegmentStore store, RecordingTransactions transactions, long broadcastId, Instant startedAt) {
    this.store = store;
    this.transactions = transactions;
    this.broadcastId = broadcastId;
    this.startedAt = startedAt;
  }

  Outcome run() throws IOException {
    List<RecordedTrack> tracks =
        transactions.inNewTransaction(r -> r.recordings().tracksOf(broadcastId));
    Set<TrackRef> indexed = new HashSet<>();
    tracks.forEach(t -> indexed.add(t.ref()));
    for (TrackRef onDisk : store.tracksOnDisk(broadcastId)) {
      temporaryFilesDeleted += store.deleteTemporaryFiles(broadcastId, onDisk);
      if (!indexed.contains(onDisk)) {
        store.deleteTrack(broadcastId, onDisk);
        tracksDeleted++;
        log("track " + onDisk.directory() + " had files but no index row; deleted them");
      }
    }
    for (RecordedTrack track : tracks) {
      reconcile(track);
    }
    return new Outcome(
        temporaryFilesDeleted, tracksDeleted, rowsWithoutFileDeleted, filesIndexed, filesDeleted);
  }

  private void reconcile(RecordedTrack track) throws IOException {
    TrackFiles files = store.list(broadcastId, track.ref());
    if (!files.init()) {
      transactions.inNewTransaction(
          r -> {
            r.recordings().deleteTrack(track);
            return null;
          });
      store.deleteTrack(broadcastId, track.ref());
      tracksDeleted++;
      log("track " + track.ref().directory() + " lost its CMAF header; deleted it");
      return;
    }
    if (!files.foreign().isEmpty()) {
      LOG.warning(() -> "Left alone in " + track.ref().directory() + ": " + files.foreign() + ".");
    }
    List<Long> rows = transactions.inNewTransaction(r -> r.recordings().segmentNumbersOf(track));
    List<Long> missing = new ArrayList<>(rows);
    missing.removeAll(files.segments());
    if (!missing.isEmpty()) {
      int deleted =
          transactions.inNewTransaction(r -> r.recordings().deleteSegments(track, missing));
      rowsWithoutFileDeleted += deleted;
      String which = missing.size() <= 20 ? missing.toString() : missing.subList(0, 20) + "...";
      log(deleted + " rows of " + track.ref().directory() + " had no file; deleted " + which);
    }
    TreeSet<Long> orphans = new TreeSet<>(files.segments());
    orphans.removeAll(new HashSet<>(rows));
    if (!orphans.isEmpty()) {
      indexOrphans(track, orphans);
    }
  }

  private void indexOrphans(RecordedTrack track, TreeSet<Long> orphans) throws IOException {
    Optional<RecordedSegment> anchor =
        transactions.inNewTransaction(r -> r.recordings().lastSegmentOf(track));
    List<NewSegment> segments = new ArrayList<>();
    List<Long> unreadable = new ArrayList<>();
    for (long number : orphans) {
      byte[] bytes = store.readSegment(broadcastId, track.ref(), number);
      try {
        segments.add(orphan(track, number, bytes, anchor));
      } catch (MediaFormatException | IllegalArgumentException e) {
        LOG.warning(
            () ->
                "Unreadable segment "
                    + number
                    + " of "
                    + track.ref().directory()
                    + ": "
                    + e.getMessage());
        unreadable.add(number);
      }
    }
    if (!unreadable.isEmpty()) {
      store.deleteSegments(broadcastId, track.ref(), unreadable);
      filesDeleted += unreadable.size();
    }
    int added = transactions.inNewTransaction(r -> r.recordings().addSegments(segments));
    filesIndexed += added;
    log(added + " segment files of " + track.ref().directory() + " had no row; indexed them");
  }

  private NewSegment orphan(
      RecordedTrack track, long number, byte[] bytes, Optional<RecordedSegment> anchor) {
    SegmentTiming timing = SegmentTiming.of(bytes);
    Instant wallClock =
        anchor
            .map(a -> a.wallClockAt(timing.start(), track.timescale()))
            .orElseGet(
                () -> startedAt.plus(RecordedSegment.time(timing.start(), track.timescale())));
    return new NewSegment(
        broadcastId,
        track.ref(),
        number,
        timing.start(),
        timing.duration(),
        wallClock,
        bytes.length,
        SegmentStore.relativePath(broadcastId, new MediaPath.SegmentFile(track.ref(), number)));
  }

  private void log(String what) {
    LOG.warning(() -> "Recovery of broadcast " + broadcastId + ": " + what + ".");
  }
}
