package io.onair.streaming.media.manifest.dash;

import java.time.Duration;

/**
 * Durations as XML Schema {@code xs:duration} values, the type of every duration attribute of an
 * MPD (ISO/IEC 23009-1 5.3.1.3): {@code PT2S}, {@code PT2M}, {@code PT1H0M4.5S}, {@code PT0S}.
 * Milliseconds are the finest unit written, trailing zeros of the fraction are dropped.
 */
final class XsDuration {

  private XsDuration() {}

  static String format(Duration duration) {
    return formatMillis(duration.toMillis());
  }

  static String formatMillis(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException("negative duration: " + millis + " ms");
    }
    long hours = millis / 3_600_000;
    long minutes = millis / 60_000 % 60;
    long secondsMillis = millis % 60_000;
    StringBuilder out = new StringBuilder("PT");
    if (hours > 0) {
      out.append(hours).append('H');
    }
    if (minutes > 0) {
      out.append(minutes).append('M');
    }
    if (secondsMillis > 0 || out.length() == 2) {
      out.append(secondsMillis / 1000);
      long fraction = secondsMillis % 1000;
      if (fraction > 0) {
        String digits = String.format(".%03d", fraction);
        out.append(digits.replaceAll("0+$", ""));
      }
      out.append('S');
    }
    return out.toString();
  }
}
