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
