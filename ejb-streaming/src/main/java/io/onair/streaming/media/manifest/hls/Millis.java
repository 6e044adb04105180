package io.onair.streaming.media.manifest.hls;

import java.time.Duration;

/**
 * Durations as HLS prints them: whole milliseconds, written with exactly three decimals. Every rule
 * that compares durations (EXTINF against TARGETDURATION, part against PART-TARGET) is applied to
 * these printed values, because they are what the client checks.
 */
final class Millis {

  private Millis() {}

  /** {@code duration} in {@code timescale} units as milliseconds, rounded half up. */
  static long of(long duration, long timescale) {
    return Math.floorDiv(Math.multiplyExact(duration, 1000L) + timescale / 2, timescale);
  }

  /** A configured duration in milliseconds, rounded half up. */
  static long of(Duration duration) {
    return duration.plusNanos(500_000).toMillis();
  }

  /**
   * Whole seconds, rounded half up (RFC 8216 4.3.3.1 compares "rounded to the nearest integer").
   */
  static long roundedSeconds(long millis) {
    return (millis + 500) / 1000;
  }

  /** "2.002", "0.500", "12.000": the decimal-floating-point of RFC 8216 4.2 with 3 decimals. */
  static String decimal3(long millis) {
    return millis / 1000 + "." + String.format("%03d", millis % 1000);
  }
}
