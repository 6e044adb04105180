package io.onair.streaming.media.cmaf;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/**
 * The key fields of the leaf boxes a {@link BoxTree} prints, read as ISO/IEC 14496-12 lays them.
 */
final class BoxFields {

  private BoxFields() {}

  /** mvhd 8.2.2, tkhd 8.3.2, mdhd 8.4.2, hdlr 8.4.3, all version 0 as we write them. */
  static void header(String type, ByteBuffer body, StringBuilder out) {
    int versionAndFlags = body.getInt();
    out.append(
        String.format(" v%d flags=0x%06x", versionAndFlags >>> 24, versionAndFlags & 0xFFFFFF));
    switch (type) {
      case "mvhd" ->
          out.append(
              String.format(
                  " timescale=%d duration=%d rate=0x%08x volume=0x%04x next_track_ID=%d",
                  body.getInt(12),
                  body.getInt(16),
                  body.getInt(20),
                  body.getShort(24),
                  body.getInt(96)));
      case "tkhd" ->
          out.append(
              String.format(
                  " track_ID=%d duration=%d volume=0x%04x width=%d height=%d",
                  body.getInt(12),
                  body.getInt(20),
                  body.getShort(36),
                  body.getInt(76) >>> 16,
                  body.getInt(80) >>> 16));
      case "mdhd" ->
          out.append(
              String.format(
                  " timescale=%d duration=%d language=%s",
                  body.getInt(12), body.getInt(16), language(body.getShort(20))));
      default -> {
        String name =
            new String(
                body.array(),
                body.arrayOffset() + 24,
                body.limit() - 25,
                java.nio.charset.StandardCharsets.US_ASCII);
        out.append(String.format(" handler_type=%s name=\"%s\"", fourcc(body, 8), name));
      }
    }
    out.append('\n');
  }

  /** trun 8.8.8: the header fields, then one line per sample with the fields present. */
  static void trun(ByteBuffer body, StringBuilder out, String indent) {
    int versionAndFlags = body.getInt();
    int flags = versionAndFlags & 0xFFFFFF;
    int count = body.getInt();
    out.append(
        String.format(" v%d flags=0x%06x sample_count=%d", versionAndFlags >>> 24, flags, count));
    if ((flags & 0x1) != 0) {
      out.append(" data_offset=").append(body.getInt());
    }
    if ((flags & 0x4) != 0) {
      out.append(String.format(" first_sample_flags=0x%08x", body.getInt()));
    }
    out.append('\n');
    for (int i = 0; i < count; i++) {
      out.append(indent).append('#').append(i);
      if ((flags & 0x100) != 0) {
        out.append(" duration=").append(body.getInt());
      }
      if ((flags & 0x200) != 0) {
        out.append(" size=").append(body.getInt());
      }
      if ((flags & 0x400) != 0) {
        out.append(String.format(" flags=0x%08x", body.getInt()));
      }
      if ((flags & 0x800) != 0) {
        out.append(" composition_offset=").append(body.getInt());
      }
      out.append('\n');
    }
    if (body.hasRemaining()) {
      throw new IllegalStateException("trun has " + body.remaining() + " bytes after its entries");
    }
  }

  /** Any other box: version and flags and its payload in hex, or a hash if it is long. */
  static void other(String type, ByteBuffer body, StringBuilder out) {
    boolean full = !type.equals("avcC") && !type.equals("hvcC") && !type.equals("av1C");
    if (full && body.remaining() >= 4) {
      int versionAndFlags = body.getInt();
      out.append(
          String.format(" v%d flags=0x%06x", versionAndFlags >>> 24, versionAndFlags & 0xFFFFFF));
    }
    byte[] rest = new byte[body.remaining()];
    body.get(rest);
    if (rest.length <= 48) {
      out.append(" payload=").append(HexFormat.of().formatHex(rest));
    } else {
      out.append(" payload_sha256=").append(BoxTree.sha256(ByteBuffer.wrap(rest)));
    }
    out.append('\n');
  }

  private static String fourcc(ByteBuffer body, int at) {
    return BoxTree.fourcc(body.slice(at, 4));
  }

  private static String language(short packed) {
    return new String(
        new char[] {
          (char) ((packed >> 10 & 0x1F) + 0x60),
          (char) ((packed >> 5 & 0x1F) + 0x60),
          (char) ((packed & 0x1F) + 0x60)
        });
  }
}
