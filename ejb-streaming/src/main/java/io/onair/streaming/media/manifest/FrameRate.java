package io.onair.streaming.media.manifest;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A video frame rate as the exact ratio the encoder uses ({@code 30/1}, {@code 30000/1001}), so
 * that DASH can state it exactly and HLS can round it once, at the edge.
 */
public record FrameRate(int numerator, int denominator) {

  public FrameRate {
    if (numerator <= 0 || denominator <= 0) {
      throw new IllegalArgumentException(
          "frame rate must be positive, was " + numerator + "/" + denominator);
    }
  }

  public static FrameRate of(int framesPerSecond) {
    return new FrameRate(framesPerSecond, 1);
  }

  /**
   * The exact rate a decimal stands for, as encoders declare it in {@code onMetaData}: whole rates
   * as they are, the NTSC rates (29.97, 59.94, 23.976) as n*1000/1001, anything else to a
   * thousandth. {@code 30000.0 / 1001} comes back as 30000/1001.
   */
  public static FrameRate nearest(double framesPerSecond) {
    if (!(framesPerSecond > 0) || Double.isInfinite(framesPerSecond)) {
      throw new IllegalArgumentException("frame rate must be positive, was " + framesPerSecond);
    }
    long whole = Math.round(framesPerSecond);
    if (Math.abs(framesPerSecond - whole) < 0.005) {
      return of((int) Math.max(1, whole));
    }
    long ntsc = Math.round(framesPerSecond * 1.001);
    if (Math.abs(framesPerSecond - ntsc / 1.001) < 0.005) {
      return new FrameRate((int) ntsc * 1000, 1001);
    }
    return new FrameRate((int) Math.max(1, Math.round(framesPerSecond * 1000)), 1000);
  }

  /** Frames per second as a decimal, for whoever declares it as one ({@code onMetaData}). */
  public double toDouble() {
    return (double) numerator / denominator;
  }

  /** Frames per second with exactly three decimals, rounded half up: 30000/1001 is "29.970". */
  public String toDecimal3() {
    return BigDecimal.valueOf(numerator)
        .divide(BigDecimal.valueOf(denominator), 3, RoundingMode.HALF_UP)
        .toPlainString();
  }

  /** The ratio in lowest terms, without "/1" for whole rates: "30", "30000/1001". */
  public String toRatio() {
    int gcd = gcd(numerator, denominator);
    int num = numerator / gcd;
    int den = denominator / gcd;
    return den == 1 ? Integer.toString(num) : num + "/" + den;
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
