package io.onair.streaming.media.cmaf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The framing every ISO BMFF box shares (ISO/IEC 14496-12 4.2): a 32-bit size that counts the
 * header, a four-character type, and for a FullBox an 8-bit version and 24-bit flags. Writers are
 * functions from fields to bytes; a parent box is its children's bytes, framed.
 */
final class Box {

  private Box() {}

  static byte[] box(String type, byte[]... contents) {
    int size = 8;
    for (byte[] part : contents) {
      size = Math.addExact(size, part.length);
    }
    Fields out = new Fields(size).u32(size).fourcc(type);
    for (byte[] part : contents) {
      out.bytes(part);
    }
    return out.toBytes();
  }

  static byte[] fullBox(String type, int version, int flags, byte[]... contents) {
    byte[][] all = new byte[contents.length + 1][];
    all[0] = new Fields(4).u8(version).u24(flags).toBytes();
    System.arraycopy(contents, 0, all, 1, contents.length);
    return box(type, all);
  }

  static byte[] concat(byte[]... parts) {
    Fields out = new Fields(64);
    for (byte[] part : parts) {
      out.bytes(part);
    }
    return out.toBytes();
  }

  /** Big-endian fields of a box body, in the order the spec's syntax lists them. */
  static final class Fields {

    private final ByteArrayOutputStream out;

    Fields() {
      this(64);
    }

    Fields(int expectedSize) {
      out = new ByteArrayOutputStream(expectedSize);
    }

    Fields u8(int value) {
      out.write(value);
      return this;
    }

    Fields u16(int value) {
      return u8(value >>> 8).u8(value);
    }

    Fields u24(int value) {
      return u8(value >>> 16).u16(value);
    }

    Fields u32(long value) {
      return u16((int) (value >>> 16)).u16((int) value);
    }

    Fields u64(long value) {
      return u32(value >>> 32).u32(value);
    }

    /** A 16.16 fixed-point number such as a picture width in tkhd. */
    Fields fixed16(int integer) {
      return u16(integer).u16(0);
    }

    Fields fourcc(String type) {
      byte[] ascii = type.getBytes(StandardCharsets.ISO_8859_1);
      if (ascii.length != 4) {
        throw new IllegalArgumentException("four-character code '" + type + "'");
      }
      return bytes(ascii);
    }

    Fields zeros(int count) {
      out.writeBytes(new byte[count]);
      return this;
    }

    Fields bytes(byte[] bytes) {
      out.writeBytes(bytes);
      return this;
    }

    /** The unity transformation matrix of mvhd and tkhd (ISO/IEC 14496-12 8.2.2.3). */
    Fields unityMatrix() {
      return u32(0x00010000)
          .u32(0)
          .u32(0)
          .u32(0)
          .u32(0x00010000)
          .u32(0)
          .u32(0)
          .u32(0)
          .u32(0x40000000);
    }

    byte[] toBytes() {
      return out.toByteArray();
    }
  }
}
