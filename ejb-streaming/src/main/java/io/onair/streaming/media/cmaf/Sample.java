package io.onair.streaming.media.cmaf;

import java.util.Objects;

/**
 * One access unit of a track: a video frame (NAL units with the length prefixes of the
 * configuration record, as FLV carries them) or an AAC frame (raw, no ADTS header).
 *
 * <p>The data is not copied: a sample is handed over once, by the ingest thread that made it, and
 * never written to again.
 *
 * @param decodeTime when it decodes, in the track's timescale
 * @param duration until the next sample decodes, in the track's timescale; the {@link Segmenter}
 *     works it out from the next sample's decode time and uses this only for a last sample that has
 *     no predecessor either
 * @param compositionOffset presentation minus decode time (B-frames), may be negative
 * @param sync whether a decoder can start here (an IDR frame; every AAC frame)
 * @param data the coded bytes
 */
public record Sample(
    long decodeTime, int duration, int compositionOffset, boolean sync, byte[] data) {

  public Sample {
    Objects.requireNonNull(data, "data");
    if (decodeTime < 0 || duration < 0) {
      throw new MediaFormatException(
          "sample decode time and duration", decodeTime + ", " + duration, "must not be negative");
    }
  }

  Sample withDuration(int newDuration) {
    return new Sample(decodeTime, newDuration, compositionOffset, sync, data);
  }

  /** Presentation time in the track's timescale. */
  public long presentationTime() {
    return decodeTime + compositionOffset;
  }
}
