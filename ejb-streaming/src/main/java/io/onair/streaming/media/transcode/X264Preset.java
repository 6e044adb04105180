package io.onair.streaming.media.transcode;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The x264 speed presets, fastest first: how much CPU a rung's encode spends for its quality. A
 * live encode must keep up with the source on the server's cores, so the default ladder uses {@link
 * #VERYFAST}.
 */
public enum X264Preset {
  ULTRAFAST,
  SUPERFAST,
  VERYFAST,
  FASTER,
  FAST,
  MEDIUM,
  SLOW,
  SLOWER,
  VERYSLOW,
  PLACEBO;

  /** The name x264 and ffmpeg's {@code -preset} know it by. */
  public String x264Name() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The preset x264 calls {@code name}, if any. */
  public static Optional<X264Preset> named(String name) {
    return Arrays.stream(values()).filter(p -> p.x264Name().equals(name)).findFirst();
  }

  /** Every x264 name, for error messages. */
  static String allNames() {
    return Arrays.stream(values()).map(X264Preset::x264Name).collect(Collectors.joining(", "));
  }
}
