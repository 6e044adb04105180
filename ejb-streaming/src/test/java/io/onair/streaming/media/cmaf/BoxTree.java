package io.onair.streaming.media.cmaf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * A readable dump of ISO BMFF boxes for golden files: one line per box with its size and the fields
 * a reviewer checks, trun entries one per line, and a SHA-256 instead of sample bytes. Written from
 * ISO/IEC 14496-12 independently of the writers, so it also catches a box whose size disagrees with
 * its contents.
 */
final class BoxTree {

  private static final Set<String> CONTAINERS =
      Set.of("moov", "trak", "mdia", "minf", "dinf", "stbl", "mvex", "moof", "traf");

  private final StringBuilder out = new StringBuilder();

  private BoxTree() {}

  static String dump(byte[] bytes) {
    BoxTree tree = new BoxTree();
    tree.boxes(ByteBuffer.wrap(bytes), 0);
    return tree.out.toString();
  }

  private void boxes(ByteBuffer in, int depth) {
    while (in.hasRemaining()) {
      if (in.remaining() < 8) {
        throw new IllegalStateException(in.remaining() + " stray bytes after the last box");
      }
      int size = in.getInt();
      String type = fourcc(in);
      if (size < 8 || size - 8 > in.remaining()) {
        throw new IllegalStateException(type + " size " + size + " exceeds its parent");
      }
      ByteBuffer body = in.slice(in.position(), size - 8);
      in.position(in.position() + size - 8);
      out.append("  ".repeat(depth)).append(type).append(" size=").append(size);
      box(type, body, depth);
    }
  }

  private void box(String type, ByteBuffer body, int depth) {
    if (CONTAINERS.contains(type)) {
      out.append('\n');
      boxes(body, depth + 1);
      return;
    }
    switch (type) {
      case "ftyp", "styp" -> brands(body);
      case "mvhd", "tkhd", "mdhd", "hdlr" -> BoxFields.header(type, body, out);
      case "stsd", "dref" -> entries(body, depth);
      case "avc1", "hvc1", "av01" -> visualEntry(body, depth);
      case "mp4a" -> audioEntry(body, depth);
      case "mdat" -> out.append(" sha256=").append(sha256(body)).append('\n');
      case "trun" -> BoxFields.trun(body, out, "  ".repeat(depth + 1));
      default -> BoxFields.other(type, body, out);
    }
  }

  private void brands(ByteBuffer body) {
    out.append(" major=").append(fourcc(body)).append(" minor=").append(body.getInt());
    List<String> compatible = new ArrayList<>();
    while (body.hasRemaining()) {
      compatible.add(fourcc(body));
    }
    out.append(" compatible=").append(compatible).append('\n');
  }

  private void entries(ByteBuffer body, int depth) {
    int versionAndFlags = body.getInt();
    out.append(" flags=0x").append(Integer.toHexString(versionAndFlags));
    out.append(" entries=").append(body.getInt()).append('\n');
    boxes(body, depth + 1);
  }

  /** SampleEntry + VisualSampleEntry (14496-12 12.1.3.2): 78 bytes before the child boxes. */
  private void visualEntry(ByteBuffer body, int depth) {
    body.position(6);
    int dataReference = body.getShort();
    body.position(24);
    int width = body.getShort() & 0xFFFF;
    int height = body.getShort() & 0xFFFF;
    long horizontal = body.getInt() & 0xFFFFFFFFL;
    long vertical = body.getInt() & 0xFFFFFFFFL;
    body.position(40);
    int frameCount = body.getShort();
    body.position(74);
    int depthBits = body.getShort();
    int predefined = body.getShort();
    out.append(
        String.format(
            " data_reference_index=%d width=%d height=%d resolution=0x%08x/0x%08x frame_count=%d"
                + " depth=0x%04x pre_defined=%d%n",
            dataReference, width, height, horizontal, vertical, frameCount, depthBits, predefined));
    boxes(body, depth + 1);
  }

  /** SampleEntry + AudioSampleEntry (12.2.3.2): 28 bytes before the child boxes. */
  private void audioEntry(ByteBuffer body, int depth) {
    body.position(6);
    int dataReference = body.getShort();
    body.position(16);
    int channels = body.getShort();
    int sampleSize = body.getShort();
    body.position(24);
    int rate = (body.getInt() >>> 16);
    out.append(
        String.format(
            " data_reference_index=%d channelcount=%d samplesize=%d samplerate=%d%n",
            dataReference, channels, sampleSize, rate));
    boxes(body, depth + 1);
  }

  static String fourcc(ByteBuffer in) {
    byte[] type = new byte[4];
    in.get(type);
    return new String(type, StandardCharsets.ISO_8859_1);
  }

  static String sha256(ByteBuffer body) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(body.duplicate());
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
