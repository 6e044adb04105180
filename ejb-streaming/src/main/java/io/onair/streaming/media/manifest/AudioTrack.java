package io.onair.streaming.media.manifest;

/**
 * The audio track of a rendition as the manifests describe it.
 *
 * @param codecs the RFC 6381 codecs string, e.g. {@code mp4a.40.2} (AAC-LC)
 * @param bandwidth the bit rate, bits per second; AAC from our encoders is constant bit rate, so it
 *     serves as both peak and average
 */
public record AudioTrack(String codecs, long bandwidth, int sampleRate, int channels) {

  public AudioTrack {
    CodecsSyntax.check(codecs);
    if (bandwidth <= 0 || sampleRate <= 0) {
      throw new IllegalArgumentException(
          "audio bandwidth and sample rate must be positive: " + bandwidth + ", " + sampleRate);
    }
    if (channels < 1 || channels > 8) {
      throw new IllegalArgumentException("channels must be 1 to 8, was " + channels);
    }
  }
}
