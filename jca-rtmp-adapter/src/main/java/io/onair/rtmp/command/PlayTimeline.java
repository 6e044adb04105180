package io.onair.rtmp.command;

/**
 * The timestamps one player is sent. They are the publisher's own, so a player, the recording and
 * the packager all see the same clock; but when a publisher takes the channel over (an encoder
 * reconnecting) its clock usually starts at 0 again, which players take for time going backwards.
 * From such a new timeline on, timestamps are shifted to continue from the last one sent.
 * Arithmetic is modulo 2^32, like RTMP timestamps themselves (RTMP 1.0 5.3.1.2).
 */
final class PlayTimeline {

  private static final long MASK = 0xFFFF_FFFFL;

  private long offset;
  private long last = -1;

  /** The timestamp to send for a message stamped {@code timestamp} by its publisher. */
  long stamp(long timestamp, boolean newTimeline) {
    if (newTimeline && last >= 0) {
      offset = last - timestamp;
    }
    last = (timestamp + offset) & MASK;
    return last;
  }
}
