package io.onair.rtmp.api;

import java.util.Map;
import java.util.Optional;

/**
 * One consumer's subscription to a live channel's frames: a bounded queue the publisher fills and
 * the consumer drains with {@link #poll()}. The publisher never waits for the consumer: one that
 * falls behind skips to the next key frame (given the configuration frames again first), and one
 * that keeps falling behind is ended with {@link FeedEnd#SLOW_CONSUMER}.
 */
public interface LiveFeed {

  /** The channel this feed follows. */
  String channel();

  /**
   * The next frame, or null when none is waiting. Audio and video frames come interleaved in the
   * order they were published; data messages are not frames and are skipped (see {@link
   * #metadata()}). Poll from one thread at a time.
   */
  MediaFrame poll();

  /** Leaves the channel: no more frames and no more callbacks but those already under way. */
  void cancel();

  /**
   * Neither ended nor cancelled. After {@link FeedEnd#PUBLISHER_ENDED}, {@link #poll()} still
   * returns the frames queued before the end.
   */
  boolean isOpen();

  /** Why the feed ended; empty while it is open. */
  Optional<FeedEnd> endReason();

  /**
   * The properties of the last {@code onMetaData} the publisher sent before the frames polled so
   * far, as the encoder declared them ({@code width}, {@code height}, {@code framerate}, {@code
   * encoder}...): numbers as {@link Double}, and {@link String} and {@link Boolean} values; nested
   * objects and arrays are left out. Empty when none came. Declarations, not measurements: the
   * configuration frames are authoritative.
   */
  Map<String, Object> metadata();
}
