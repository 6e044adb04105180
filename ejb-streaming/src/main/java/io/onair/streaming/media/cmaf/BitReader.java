package io.onair.streaming.media.cmaf;

import java.io.ByteArrayOutputStream;

/**
 * Reads bit fields most significant bit first, as H.264 (ITU-T H.264 7.2, Exp-Golomb 9.1) and
 * MPEG-4 Audio (ISO/IEC 14496-3 1.6) write them. Running out of bits is a {@link
 * MediaFormatException} naming the field being read, never an index error.
 */
final class BitReader {

  /** A ue(v) with more leading zeros than this cannot fit the 32-bit fields it codes. */
  private static final int MAX_LEADING_ZEROS = 31;

  private final byte[] bytes;
  private final String structure;
  private long bit;

  BitReader(byte[] bytes, String structure) {
    this.bytes = bytes;
    this.structure = structure;
  }

  /**
   * The raw byte sequence payload of a NAL unit (H.264 7.4.1): every 0x000003 loses its 03, the
   * emulation prevention byte an encoder inserts so the payload never looks like a start code.
   */
  static byte[] unescapeRbsp(byte[] nal, int from, int to) {
    ByteArrayOutputStream rbsp = new ByteArrayOutputStream(to - from);
    int zeros = 0;
    for (int i = from; i < to; i++) {
      int b = nal[i] & 0xFF;
      if (zeros >= 2 && b == 3) {
        zeros = 0;
        continue;
      }
      zeros = b == 0 ? zeros + 1 : 0;
      rbsp.write(b);
    }
    return rbsp.toByteArray();
  }

  /** Up to 32 bits as an unsigned value. */
  long bits(int count, String field) {
    need(count, field);
    long value = 0;
    for (int i = 0; i < count; i++) {
      int b = bytes[(int) (bit >>> 3)] >> (7 - (int) (bit & 7)) & 1;
      value = value << 1 | b;
      bit++;
    }
    return value;
  }

  int bit(String field) {
    return (int) bits(1, field);
  }

  boolean flag(String field) {
    return bits(1, field) == 1;
  }

  int u(int count, String field) {
    return (int) bits(count, field);
  }

  /** ue(v): unsigned Exp-Golomb (H.264 9.1). */
  long ue(String field) {
    int zeros = 0;
    while (bit(field) == 0) {
      zeros++;
      if (zeros > MAX_LEADING_ZEROS) {
        throw new MediaFormatException(
            structure + " " + field,
            zeros + " leading zero bits",
            "at most 31 in an Exp-Golomb code");
      }
    }
    return (1L << zeros) - 1 + bits(zeros, field);
  }

  /** ue(v) that must lie in [0, max]. */
  int ue(String field, int max) {
    long value = ue(field);
    if (value > max) {
      throw new MediaFormatException(structure + " " + field, value, "at most " + max);
    }
    return (int) value;
  }

  /** se(v): signed Exp-Golomb, 1 -> 1, 2 -> -1, 3 -> 2 (H.264 9.1.1). */
  long se(String field) {
    long k = ue(field);
    return (k & 1) == 1 ? (k + 1) / 2 : -(k / 2);
  }

  void skip(int count, String field) {
    need(count, field);
    bit += count;
  }

  private void need(int count, String field) {
    if ((long) bytes.length * 8 - bit < count) {
      throw new MediaFormatException(
          structure + " " + field,
          "missing",
          "the " + bytes.length + "-byte " + structure + " ends before it");
    }
  }
}
