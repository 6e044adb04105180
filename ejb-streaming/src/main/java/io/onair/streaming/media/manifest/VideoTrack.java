package io.onair.streaming.media.manifest;

import java.util.Objects;

/**
 * The video track of a rendition as the manifests describe it.
 *
 * @param codecs the RFC 6381 codecs string of the track, e.g. {@code avc1.64001f}
 * @param peakBandwidth the largest bit rate of any segment, bits per second (RFC 8216bis 4.4.6.2
 *     BANDWIDTH, ISO/IEC 23009-1 5.3.5.2 {@code @bandwidth})
 * @param averageBandwidth the average bit rate over the broadcast, bits per second
 */
public record VideoTrack(
    String codecs,
    int width,
    int height,
    FrameRate frameRate,
    long peakBandwidth,
    long averageBandwidth) {

  public VideoTrack {
    CodecsSyntax.check(codecs);
    Objects.requireNonNull(frameRate, "frameRate");
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("video size must be positive: " + width + "x" + height);
    }
    if (averageBandwidth <= 0 || peakBandwidth < averageBandwidth) {
      throw new IllegalArgumentException(
          "need 0 < average <= peak bandwidth, was " + averageBandwidth + " / " + peakBandwidth);
    }
  }
}
