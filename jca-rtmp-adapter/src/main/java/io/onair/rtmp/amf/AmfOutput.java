package io.onair.rtmp.amf;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A growable big-endian byte sink the encoders write into. Reuse one per connection with {@link
 * #reset()}: strings are encoded straight into it, with no intermediate arrays.
 */
public final class AmfOutput {

  private byte[] bytes;
  private int size;

  public AmfOutput() {
    this(256);
  }

  public AmfOutput(int initialCapacity) {
    bytes = new byte[Math.max(16, initialCapacity)];
  }

  public int size() {
    return size;
  }

  public void reset() {
    size = 0;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  /** A read-only view of what was written, valid until the next write or reset. */
  public ByteBuffer asReadOnlyBuffer() {
    return ByteBuffer.wrap(bytes, 0, size).slice().asReadOnlyBuffer();
  }

  /** One byte, such as the 0x00 that leads an AMF3 command message (RTMP type 17). */
  public void writeByte(int value) {
    ensure(1);
    bytes[size++] = (byte) value;
  }

  void writeU16(int value) {
    ensure(2);
    bytes[size++] = (byte) (value >>> 8);
    bytes[size++] = (byte) value;
  }

  void writeU32(long value) {
    ensure(4);
    for (int shift = 24; shift >= 0; shift -= 8) {
      bytes[size++] = (byte) (value >>> shift);
    }
  }

  void writeDouble(double value) {
    long bits = Double.doubleToRawLongBits(value);
    ensure(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      bytes[size++] = (byte) (bits >>> shift);
    }
  }

  void writeBytes(byte[] source) {
    ensure(source.length);
    System.arraycopy(source, 0, bytes, size, source.length);
    size += source.length;
  }

  /** AMF3 1.3.1: the shortest U29 form; {@code value} must be in [0, 2^29-1]. */
  void writeU29(int value) {
    if (value < 0 || value > 0x1FFF_FFFF) {
      throw new IllegalArgumentException("U29 " + value + " is outside [0, 2^29-1]");
    }
    if (value >= 0x20_0000) {
      writeByte((value >>> 22) | 0x80);
      writeByte((value >>> 15) | 0x80);
      writeByte((value >>> 8) | 0x80);
      writeByte(value);
      return;
    }
    if (value >= 0x4000) {
      writeByte((value >>> 14) | 0x80);
    }
    if (value >= 0x80) {
      writeByte((value >>> 7) | 0x80);
    }
    writeByte(value & 0x7F);
  }

  /** Bytes {@link #writeUtf8} writes for {@code text}: as String.getBytes(UTF_8) would. */
  static int utf8Length(String text) {
    int length = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        length++;
      } else if (c < 0x800) {
        length += 2;
      } else if (isPairAt(text, i)) {
        length += 4;
        i++;
      } else {
        length += Character.isSurrogate(c) ? 1 : 3;
      }
    }
    return length;
  }

  /**
   * UTF-8 of {@code text}, {@code length} being its {@link #utf8Length}. A lone surrogate becomes
   * '?', as String.getBytes(UTF_8) does.
   */
  void writeUtf8(String text, int length) {
    ensure(length);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes[size++] = (byte) c;
      } else if (c < 0x800) {
        bytes[size++] = (byte) (0xC0 | (c >>> 6));
        bytes[size++] = (byte) (0x80 | (c & 0x3F));
      } else if (isPairAt(text, i)) {
        int codePoint = Character.toCodePoint(c, text.charAt(++i));
        bytes[size++] = (byte) (0xF0 | (codePoint >>> 18));
        bytes[size++] = (byte) (0x80 | ((codePoint >>> 12) & 0x3F));
        bytes[size++] = (byte) (0x80 | ((codePoint >>> 6) & 0x3F));
        bytes[size++] = (byte) (0x80 | (codePoint & 0x3F));
      } else if (Character.isSurrogate(c)) {
        bytes[size++] = '?';
      } else {
        bytes[size++] = (byte) (0xE0 | (c >>> 12));
        bytes[size++] = (byte) (0x80 | ((c >>> 6) & 0x3F));
        bytes[size++] = (byte) (0x80 | (c & 0x3F));
      }
    }
  }

  private static boolean isPairAt(String text, int i) {
    return Character.isHighSurrogate(text.charAt(i))
        && i + 1 < text.length()
        && Character.isLowSurrogate(text.charAt(i + 1));
  }

  private void ensure(int more) {
    if (more > bytes.length - size) {
      long wanted = Math.max((long) size + more, 2L * bytes.length);
      if (wanted > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("AMF output beyond 2 GiB");
      }
      bytes = Arrays.copyOf(bytes, (int) wanted);
    }
  }
}
