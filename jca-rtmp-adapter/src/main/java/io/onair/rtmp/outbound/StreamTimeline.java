package io.onair.rtmp.outbound;

/**
 * Carries a publisher's 32-bit RTMP timestamps (milliseconds, wrapping after 2^32) on into 64-bit
 * decode times, so a packager sees them grow through the wrap: after 49.7 days of one broadcast, or
 * much sooner from encoders whose clocks do not start at 0.
 *
 * <p>RTMP 1.0 section 4 asks for serial number arithmetic: adjacent timestamps are within 2^31 - 1
 * of each other. So a step of more than 2^31 down is a wrap forward, and one of more than 2^31 up
 * is a message from just before a wrap that arrived after it (audio and video interleave a little
 * out of order); that one leaves the count of wraps as it was.
 */
final class StreamTimeline {

  private static final long WRAP = 1L << 32;
  private static final long HALF = 1L << 31;

  private long wraps;
  private long last = -1;

  /** The decode time of a message with this RTMP timestamp, in [0, 2^32). */
  long extend(long timestamp) {
    if (last >= 0) {
      if (last - timestamp > HALF) {
        wraps++;
      } else if (timestamp - last > HALF) {
        // From before the wrap: placed there, and not the new reference point.
        return (wraps - 1) * WRAP + timestamp;
      }
    }
    last = timestamp;
    return wraps * WRAP + timestamp;
  }

  /** A new publisher: its timestamps start afresh. */
  void restart() {
    wraps = 0;
    last = -1;
  }
}
