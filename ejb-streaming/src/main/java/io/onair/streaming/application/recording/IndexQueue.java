package io.onair.streaming.application.recording;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The hand-off between the packaging threads (many producers) and the index writer (one consumer).
 *
 * <p>Offering never waits: the queue is a lock-free {@link ConcurrentLinkedQueue}, bounded by a
 * counter rather than by a lock, so a packaging thread never contends with the writer draining a
 * batch. Segments are bounded; a full queue refuses them and the caller logs it (the file stays,
 * and recovery indexes it at the next start). The default bound, 16384 segments, is about seven
 * minutes of a ten-broadcast, four-rendition load at 2 s segments, a few megabytes of entries: long
 * enough to ride out a database failover. Track entries are never refused: there are two per
 * rendition per broadcast, and losing one would orphan every segment of its track.
 *
 * <p>One queue keeps the order of offers, so a track is always written before its segments.
 */
@ApplicationScoped
public class IndexQueue {

  static final int DEFAULT_CAPACITY = 16_384;

  private final Queue<IndexEntry> entries = new ConcurrentLinkedQueue<>();
  private final AtomicInteger segments = new AtomicInteger();
  private final int capacity;

  public IndexQueue() {
    this(DEFAULT_CAPACITY);
  }

  IndexQueue(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive, was " + capacity);
    }
    this.capacity = capacity;
  }

  public void offerTrack(IndexEntry.TrackStarted track) {
    entries.add(track);
  }

  /** Queues a segment unless the queue is full; never waits. */
  public boolean offerSegment(IndexEntry.SegmentStored segment) {
    if (segments.incrementAndGet() > capacity) {
      segments.decrementAndGet();
      return false;
    }
    entries.add(segment);
    return true;
  }

  /** Takes up to {@code max} entries, oldest first. */
  public List<IndexEntry> poll(int max) {
    List<IndexEntry> batch = new ArrayList<>(Math.min(max, 64));
    IndexEntry entry;
    while (batch.size() < max && (entry = entries.poll()) != null) {
      if (entry instanceof IndexEntry.SegmentStored) {
        segments.decrementAndGet();
      }
      batch.add(entry);
    }
    return batch;
  }

  /** Segments waiting to be indexed. */
  public int segmentsWaiting() {
    return segments.get();
  }
}
