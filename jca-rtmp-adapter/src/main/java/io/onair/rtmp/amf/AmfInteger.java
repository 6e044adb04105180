package io.onair.rtmp.amf;

/**
 * An AMF3 integer (AMF3 3.6): a signed 29-bit value, -2^28 to 2^28-1, sent as a U29. AMF0 has no
 * integer, so the AMF0 encoder writes it as a number.
 */
public record AmfInteger(int value) implements AmfValue {

  public static final int MIN = -(1 << 28);
  public static final int MAX = (1 << 28) - 1;

  public AmfInteger {
    if (value < MIN || value > MAX) {
      throw new IllegalArgumentException(
          "AMF3 integer " + value + " is outside [" + MIN + ", " + MAX + "]");
    }
  }
}
