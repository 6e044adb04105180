package io.onair.rtmp.live;

/**
 * How much the hub may hold for a stream and for each subscriber. Payloads are shared, never
 * copied: a stream's media in memory is its GOP cache plus what its furthest-behind subscriber
 * still has queued, so these bounds are what one stream can pin, however many watch it.
 *
 * @param subscriberQueueMessages the most messages one subscriber may have waiting
 * @param subscriberQueueBytes the most payload bytes one subscriber may have waiting
 * @param gopCacheMessages the most messages the GOP cache holds before it drops the GOP
 * @param gopCacheBytes the most payload bytes the GOP cache holds before it drops the GOP
 * @param maxConsecutiveSkips how many times in a row a subscriber may overflow and skip to the next
 *     key frame; the next overflow closes it as a slow consumer. "In a row" means without having
 *     polled one whole GOP in between (see {@link Subscription})
 */
public record LiveLimits(
    int subscriberQueueMessages,
    long subscriberQueueBytes,
    int gopCacheMessages,
    long gopCacheBytes,
    int maxConsecutiveSkips) {

  private static final long MIB = 1024 * 1024;

  public LiveLimits {
    positive("subscriberQueueMessages", subscriberQueueMessages);
    positive("subscriberQueueBytes", subscriberQueueBytes);
    positive("gopCacheMessages", gopCacheMessages);
    positive("gopCacheBytes", gopCacheBytes);
    if (maxConsecutiveSkips < 0) {
      throw new IllegalArgumentException(
          "maxConsecutiveSkips must be 0 or more, was " + maxConsecutiveSkips);
    }
  }

  /**
   * Sized for OBS, whose "keyframe interval 0 (auto)" sends 250-frame GOPs: 8.3 s at 30 fps, with
   * about 360 AAC frames beside them, so some 610 messages and 6.3 MB at 6 Mbit/s.
   *
   * <ul>
   *   <li>GOP cache, 32 MiB and 4096 messages: such a GOP even at 30 Mbit/s (31 MB), and at 6
   *       Mbit/s GOPs of up to about 40 s (the bytes last 44 s; the messages 56 s at 30 fps with
   *       AAC, 38 s at 60 fps). Longer GOPs come from misconfigured sources; holding them would pin
   *       memory for nothing a viewer wants to wait through.
   *   <li>Subscriber queue, 16 MiB and 2048 messages: the join burst of such a GOP fits with room
   *       to spare, and with it still queued a viewer may fall a further 14 s behind (at 6 Mbit/s)
   *       before it skips: a network stall is ridden out, a viewer too slow for the bitrate is not
   *       kept minutes behind live.
   *   <li>Three consecutive skips: one skip is a stall, three without one whole GOP delivered in
   *       between mean the viewer's link is slower than the stream; closing it lets the player
   *       reconnect or fall back to a lower HLS rendition instead of showing key frames only.
   * </ul>
   */
  public static LiveLimits defaults() {
    return new LiveLimits(2048, 16 * MIB, 4096, 32 * MIB, 3);
  }

  private static void positive(String field, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(field + " must be positive, was " + value);
    }
  }
}
