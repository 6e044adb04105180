package io.onair.streaming.media.manifest;

import java.time.Duration;
import java.util.Objects;

/**
 * How live manifests are cut, shared with the packager that produces the segments.
 *
 * @param window how far back a live viewer can seek (HLS sliding window, DASH {@code
 *     timeShiftBufferDepth}); a viewer starting "from the beginning" gets the whole broadcast
 *     instead
 * @param segmentTarget the duration the packager aims for: DASH {@code minimumUpdatePeriod}, and
 *     the parts-per-segment estimate of blocking playlist reload
 * @param maxSegmentDuration the longest segment the packager produces (it cuts at keyframes): the
 *     floor of HLS EXT-X-TARGETDURATION and DASH {@code maxSegmentDuration}, so they stay constant
 *     while the window slides
 * @param partTarget the LL-HLS Part Target Duration (EXT-X-PART-INF:PART-TARGET)
 */
public record LiveSettings(
    Duration window, Duration segmentTarget, Duration maxSegmentDuration, Duration partTarget) {

  public LiveSettings {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(segmentTarget, "segmentTarget");
    Objects.requireNonNull(maxSegmentDuration, "maxSegmentDuration");
    Objects.requireNonNull(partTarget, "partTarget");
    if (partTarget.isNegative() || partTarget.isZero() || partTarget.compareTo(segmentTarget) > 0) {
      throw new IllegalArgumentException(
          "need 0 < part target <= segment target, was " + partTarget + " / " + segmentTarget);
    }
    if (maxSegmentDuration.compareTo(segmentTarget) < 0) {
      throw new IllegalArgumentException(
          "max segment duration " + maxSegmentDuration + " is below the target " + segmentTarget);
    }
    if (window.compareTo(segmentTarget) < 0) {
      throw new IllegalArgumentException("window " + window + " is shorter than a segment");
    }
  }

  /** Two-minute window, 2 s segments in 0.5 s parts. */
  public static LiveSettings defaults() {
    return new LiveSettings(
        Duration.ofMinutes(2),
        Duration.ofSeconds(2),
        Duration.ofSeconds(2),
        Duration.ofMillis(500));
  }

  public LiveSettings withWindow(Duration newWindow) {
    return new LiveSettings(newWindow, segmentTarget, maxSegmentDuration, partTarget);
  }
}
