package io.onair.streaming.application.recording;

import io.onair.streaming.domain.broadcast.Broadcast;
import io.onair.streaming.domain.recording.NewSegment;
import io.onair.streaming.domain.recording.RecordedTrack;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Writes one batch of index entries in the caller's transaction: the tracks first, one by one
 * (there are a few per broadcast), then every segment in one statement batch. Tracks come before
 * their segments in the queue, so a segment's track is either already indexed or in this batch.
 *
 * <p>Writing a batch again changes nothing: a known track and an indexed segment are skipped. That
 * is what lets the drain retry a batch whose commit it cannot be sure of.
 */
final class IndexBatch {

  private static final Logger LOG = Logger.getLogger(IndexBatch.class.getName());

  private final RecordingRepositories repositories;

  IndexBatch(RecordingRepositories repositories) {
    this.repositories = repositories;
  }

  /** Returns how many segments were added. */
  int write(List<IndexEntry> batch) {
    List<NewSegment> segments = new ArrayList<>(batch.size());
    for (IndexEntry entry : batch) {
      if (entry instanceof IndexEntry.TrackStarted track) {
        addTrack(track);
      } else {
        segments.add(((IndexEntry.SegmentStored) entry).segment());
      }
    }
    int added = repositories.recordings().addSegments(segments);
    if (added < segments.size()) {
      // Written before (a retried batch), or their track is not indexed (its broadcast is gone).
      LOG.fine(() -> (segments.size() - added) + " of " + segments.size() + " segments skipped");
    }
    return added;
  }

  private void addTrack(IndexEntry.TrackStarted entry) {
    long broadcastId = entry.broadcastId();
    if (repositories.recordings().findTrack(broadcastId, entry.description().track()).isPresent()) {
      return;
    }
    Optional<Broadcast> broadcast = repositories.broadcasts().find(broadcastId);
    if (broadcast.isEmpty()) {
      LOG.warning(
          () ->
              "Track "
                  + entry.description().track().directory()
                  + " of broadcast "
                  + broadcastId
                  + " not indexed: the broadcast does not exist.");
      return;
    }
    repositories
        .recordings()
        .addTrack(new RecordedTrack(broadcast.get(), entry.description(), entry.initPath()));
  }
}
