package io.onair.streaming.media.manifest;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A complete media segment as the index records it.
 *
 * @param number its sequence number (HLS Media Sequence Number, DASH {@code $Number$})
 * @param startTime decode time of its first sample, in the track's timescale
 * @param duration in the track's timescale
 * @param programDateTime the wall-clock time of its first sample
 * @param byteSize size of the segment file; the manifests do not print it (segments are whole
 *     files, not byte ranges), delivery uses it for Content-Length
 * @param parts its LL-HLS parts, empty once the index no longer keeps them
 */
public record Segment(
    long number,
    long startTime,
    long duration,
    Instant programDateTime,
    long byteSize,
    List<Part> parts) {

  public Segment {
    if (number < 0 || startTime < 0 || duration <= 0 || byteSize < 0) {
      throw new IllegalArgumentException(
          "bad segment " + number + ": start " + startTime + ", duration " + duration);
    }
    Objects.requireNonNull(programDateTime, "programDateTime");
    parts = Parts.checked(parts, "segment " + number);
  }

  public long endTime() {
    return startTime + duration;
  }
}
