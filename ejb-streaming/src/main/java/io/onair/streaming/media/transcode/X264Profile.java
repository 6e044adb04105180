package io.onair.streaming.media.transcode;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The H.264 profiles a rung may be encoded in (ISO/IEC 14496-10 Annex A). Only the 8-bit 4:2:0
 * ones: every rung is converted to yuv420p before its encode, which is what browsers and phones
 * decode in hardware. Main suits the lowest rungs, meant for the oldest devices.
 */
public enum X264Profile {
  BASELINE,
  MAIN,
  HIGH;

  /** The name ffmpeg's {@code -profile:v} knows it by. */
  public String x264Name() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The profile x264 calls {@code name}, if any. */
  public static Optional<X264Profile> named(String name) {
    return Arrays.stream(values()).filter(p -> p.x264Name().equals(name)).findFirst();
  }

  /** Every x264 name, for error messages. */
  static String allNames() {
    return Arrays.stream(values()).map(X264Profile::x264Name).collect(Collectors.joining(", "));
  }
}
