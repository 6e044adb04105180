package io.onair.streaming.application.recording;

import io.onair.streaming.domain.recording.NewSegment;
import io.onair.streaming.domain.recording.TrackDescription;
import io.onair.streaming.infrastructure.storage.SegmentStore;
import io.onair.streaming.infrastructure.storage.StoredFile;
import io.onair.streaming.media.cmaf.SegmenterEvent;
import io.onair.streaming.media.manifest.TrackRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * What the packaging job calls, on its own thread, as the packager completes files: the bytes are
 * stored (durably, under their final name only when complete) and then the index entry is queued
 * for the {@link SegmentIndexer}. Nothing here touches the database or waits for it; the cost on
 * the media path is the file write and its fsync.
 *
 * <p>A track must be started (its CMAF header stored) before its first segment is stored; per
 * track, calls come from one thread in segment order.
 */
@ApplicationScoped
public class Recorder {

  private static final Logger LOG = Logger.getLogger(Recorder.class.getName());

  @Inject private SegmentStore store;
  @Inject private IndexQueue queue;

  /** Segments refused per broadcast: one map entry for each broadcast that ever overflowed. */
  private final ConcurrentMap<Long, AtomicLong> refused = new ConcurrentHashMap<>();

  public Recorder() {}

  /** Outside the container (tests). */
  Recorder(SegmentStore store, IndexQueue queue) {
    this.store = store;
    this.queue = queue;
  }

  /**
   * Stores a track's CMAF header ({@code InitSegment} bytes) and queues the track for the index.
   * Starting a track again with the same header (an encoder reconnecting) changes nothing.
   *
   * @throws java.nio.file.FileAlreadyExistsException if the track was started with another header
   */
  public void startTrack(long broadcastId, TrackDescription track, byte[] initSegment)
      throws IOException {
    StoredFile init = store.writeInit(broadcastId, track.track(), initSegment);
    queue.offerTrack(new IndexEntry.TrackStarted(broadcastId, track, init.path()));
  }

  /**
   * Stores a complete segment and queues its index row. Returns false if the index queue was full:
   * the segment is stored and playable live, and the next start's recovery indexes it for the
   * replay; the refusal is logged here.
   *
   * @param programDateTime the wall-clock time of the segment's first sample
   * @throws java.nio.file.FileAlreadyExistsException if this segment is stored already
   */
  public boolean storeSegment(
      long broadcastId,
      TrackRef track,
      SegmenterEvent.SegmentComplete segment,
      Instant programDateTime)
      throws IOException {
    StoredFile file = store.writeSegment(broadcastId, track, segment.number(), segment.bytes());
    NewSegment entry =
        new NewSegment(
            broadcastId,
            track,
            segment.number(),
            segment.start(),
            segment.duration(),
            programDateTime,
            file.size(),
            file.path());
    if (queue.offerSegment(new IndexEntry.SegmentStored(entry))) {
      return true;
    }
    long total = refused.computeIfAbsent(broadcastId, id -> new AtomicLong()).incrementAndGet();
    // The first refusal of each broadcast, then one line per hundred: an outage at several
    // segments a second must not flood the log.
    if (total % 100 == 1) {
      LOG.severe(
          () ->
              "Index queue full: segment "
                  + entry.number()
                  + " of "
                  + track.directory()
                  + " of broadcast "
                  + broadcastId
                  + " is stored but not indexed ("
                  + total
                  + " of this broadcast refused so far); the next start's recovery indexes such segments.");
    }
    return false;
  }
}
