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

  /**
   * Two-minute window, 2 s segments, parts of at most 0.512 s. The part target is a whole number of
   * 1024-sample AAC frames at 48 kHz (24) and holds 15 video frames at 30 or 29.97 fps, so both
   * tracks can fill their parts to the 85% of it that rfc8216bis 4.4.4.9 requires of every part but
   * a segment's last without exceeding it.
   */
  public static LiveSettings defaults() {
    return new LiveSettings(
        Duration.ofMinutes(2),
        Duration.ofSeconds(2),
        Duration.ofSeconds(2),
        Duration.ofMillis(512));
  }

  public LiveSettings withWindow(Duration newWindow) {
    return new LiveSettings(newWindow, segmentTarget, maxSegmentDuration, partTarget);
  }
}
