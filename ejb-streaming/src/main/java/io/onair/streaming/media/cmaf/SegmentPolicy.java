package io.onair.streaming.media.cmaf;

import java.time.Duration;
import java.util.Objects;

/**
 * Where a {@link Segmenter} aims to cut.
 *
 * @param segmentTarget a segment ends at the first sync sample at or after this much media; the HLS
 *     default of 2 s keeps live latency low without making the playlist long
 * @param partTarget a part (LL-HLS partial segment) ends at the last sample boundary that keeps it
 *     within this; about 0.5 s is what Apple's low-latency guidance uses with 2 s segments
 * @param maxSegment a segment is cut here even without a sync sample, so a source that stops
 *     sending keyframes (or an audio track whose video stopped) cannot grow one without bound
 */
public record SegmentPolicy(Duration segmentTarget, Duration partTarget, Duration maxSegment) {

  /** 2 s segments, 0.5 s parts, never a segment longer than 30 s. */
  public static final SegmentPolicy DEFAULT =
      new SegmentPolicy(Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(30));

  public SegmentPolicy {
    Objects.requireNonNull(segmentTarget, "segmentTarget");
    Objects.requireNonNull(partTarget, "partTarget");
    Objects.requireNonNull(maxSegment, "maxSegment");
    if (partTarget.isNegative()
        || partTarget.isZero()
        || partTarget.compareTo(segmentTarget) > 0
        || segmentTarget.compareTo(maxSegment) > 0) {
      throw new IllegalArgumentException(
          "need 0 < part target "
              + partTarget
              + " <= segment target "
              + segmentTarget
              + " <= max segment "
              + maxSegment);
    }
  }

  /** The same parts and limit with another segment target. */
  public SegmentPolicy withSegmentTarget(Duration target) {
    return new SegmentPolicy(target, partTarget, maxSegment);
  }

  static long ticks(Duration duration, int timescale) {
    return duration.toNanos() * timescale / 1_000_000_000L;
  }
}
