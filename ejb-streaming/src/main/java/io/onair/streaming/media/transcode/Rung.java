package io.onair.streaming.media.transcode;

import io.onair.streaming.media.manifest.FrameRate;
import io.onair.streaming.media.manifest.Rendition;
import java.util.Objects;
import java.util.Optional;

/**
 * One configured rung of the transcoding ladder: what the operator asks for, before it meets a
 * source. {@link TranscodePlan} decides whether a broadcast gets it and at which exact size.
 *
 * @param name the rendition's name; the same rules as {@link Rendition} names (it becomes one), and
 *     never {@value TranscodePlan#SOURCE}, which is the passthrough
 * @param width the rung's width in pixels, even (4:2:0 chroma)
 * @param height the rung's height in pixels, even; the shorter side names the rung's size class
 *     (see {@link TranscodePlan})
 * @param videoBitrate the video bit rate, bits per second, whole kbit/s: the encode's average and
 *     its cap
 * @param maxFrameRate the highest frame rate the rung may have; empty keeps the source's
 * @param audioBitrate the AAC bit rate, bits per second, whole kbit/s
 */
public record Rung(
    String name,
    int width,
    int height,
    long videoBitrate,
    Optional<FrameRate> maxFrameRate,
    X264Preset preset,
    X264Profile profile,
    long audioBitrate) {

  /** What a rung has unless configured otherwise: fast enough for live on a few cores. */
  public static final X264Preset DEFAULT_PRESET = X264Preset.VERYFAST;

  public static final X264Profile DEFAULT_PROFILE = X264Profile.HIGH;

  /** 128 kbit/s AAC-LC, the usual rate for live stereo sound. */
  public static final long DEFAULT_AUDIO_BITRATE = 128_000;

  /** Larger than any H.264 level allows (6.2: 8192x4320); a bigger number is a typing error. */
  static final int MAX_SIDE = 8192;

  public Rung {
    if (name == null || !Rendition.isValidName(name)) {
      throw new IllegalArgumentException(
          "rung name '"
              + name
              + "' is not a rendition name: 1 to 32 lower-case letters, digits and inner hyphens");
    }
    if (name.equals(TranscodePlan.SOURCE)) {
      throw new IllegalArgumentException(
          "rung name 'source' is taken by the passthrough of the source");
    }
    checkSide(name, "width", width);
    checkSide(name, "height", height);
    checkBitrate(name, "video", videoBitrate);
    checkBitrate(name, "audio", audioBitrate);
    Objects.requireNonNull(maxFrameRate, "maxFrameRate");
    Objects.requireNonNull(preset, "preset");
    Objects.requireNonNull(profile, "profile");
  }

  /** A rung at the source's frame rate with the default preset, profile and audio. */
  public static Rung of(String name, int width, int height, long videoBitrate) {
    return new Rung(
        name,
        width,
        height,
        videoBitrate,
        Optional.empty(),
        DEFAULT_PRESET,
        DEFAULT_PROFILE,
        DEFAULT_AUDIO_BITRATE);
  }

  public Rung withMaxFrameRate(FrameRate rate) {
    return new Rung(
        name, width, height, videoBitrate, Optional.of(rate), preset, profile, audioBitrate);
  }

  public Rung withProfile(X264Profile other) {
    return new Rung(name, width, height, videoBitrate, maxFrameRate, preset, other, audioBitrate);
  }

  /** The shorter side: what "480p" means for a landscape, portrait or square picture alike. */
  int shortSide() {
    return Math.min(width, height);
  }

  private static void checkSide(String name, String side, int pixels) {
    if (pixels < 2 || pixels > MAX_SIDE || pixels % 2 != 0) {
      throw new IllegalArgumentException(
          "rung "
              + name
              + ": "
              + side
              + " "
              + pixels
              + " must be even and from 2 to "
              + MAX_SIDE
              + " (4:2:0 chroma halves both sides)");
    }
  }

  private static void checkBitrate(String name, String kind, long bps) {
    if (bps <= 0 || bps % 1000 != 0) {
      throw new IllegalArgumentException(
          "rung " + name + ": " + kind + " bit rate " + bps + " must be positive whole kbit/s");
    }
  }
}
