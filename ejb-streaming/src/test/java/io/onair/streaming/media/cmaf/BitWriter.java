package io.onair.streaming.media.cmaf;

import java.io.ByteArrayOutputStream;

/**
 * Writes bit fields and Exp-Golomb codes (ITU-T H.264 9.1), for parameter sets no encoder at hand
 * produces, such as an SPS with scaling lists (x264 sends its matrices in the PPS).
 */
final class BitWriter {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private int current;
  private int bits;

  BitWriter u(int count, long value) {
    for (int i = count - 1; i >= 0; i--) {
      current = current << 1 | (int) (value >>> i & 1);
      if (++bits == 8) {
        out.write(current);
        current = 0;
        bits = 0;
      }
    }
    return this;
  }

  BitWriter ue(long value) {
    int length = 64 - Long.numberOfLeadingZeros(value + 1);
    return u(length - 1, 0).u(length, value + 1);
  }

  BitWriter se(long value) {
    return ue(value > 0 ? 2 * value - 1 : -2 * value);
  }

  /** rbsp_trailing_bits, then the bytes. Adds no emulation prevention: tests keep clear of it. */
  byte[] toBytes() {
    u(1, 1);
    while (bits != 0) {
      u(1, 0);
    }
    return out.toByteArray();
  }
}
