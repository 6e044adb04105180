package io.onair.streaming.media.manifest;

/**
 * An LL-HLS partial segment (draft-pantos-hls-rfc8216bis 4.4.4.9), which is also a CMAF chunk of
 * its segment.
 *
 * @param index position within its segment, from 0 (the {@code _HLS_part} numbering of 6.2.5.2)
 * @param duration in the track's timescale
 * @param independent whether it starts with an independent frame (INDEPENDENT=YES); every audio
 *     part is, a video part only when it starts with a keyframe
 */
public record Part(int index, long duration, boolean independent) {

  public Part {
    if (index < 0 || duration <= 0) {
      throw new IllegalArgumentException("bad part: index " + index + ", duration " + duration);
    }
  }
}
