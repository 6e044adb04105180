package io.onair.streaming.media.manifest;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The segment the packager is still writing: only its parts so far exist (LL-HLS lists them before
 * the segment is complete; draft-pantos-hls-rfc8216bis 4.4.4.9).
 */
public record OpenSegment(long number, long startTime, Instant programDateTime, List<Part> parts) {

  public OpenSegment {
    if (number < 0 || startTime < 0) {
      throw new IllegalArgumentException("bad open segment " + number + " at " + startTime);
    }
    Objects.requireNonNull(programDateTime, "programDateTime");
    parts = Parts.checked(parts, "open segment " + number);
  }
}
