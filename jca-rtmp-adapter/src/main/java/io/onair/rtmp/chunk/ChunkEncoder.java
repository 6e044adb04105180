package io.onair.rtmp.chunk;

import io.onair.rtmp.message.RtmpMessage;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Cuts messages into chunks (RTMP 1.0 section 5.3), compressing each header against the previous
 * message on the same chunk stream:
 *
 * <ul>
 *   <li>format 0 for the first message, a new message stream, or a timestamp that goes back;
 *   <li>format 1 when the length or type changes;
 *   <li>format 2 when only the timestamp delta changes;
 *   <li>format 3 when nothing does, and for every continuation chunk.
 * </ul>
 *
 * <p>Timestamps from 0xFFFFFF up use the extended field, repeated in every format 3 chunk as Flash,
 * librtmp and ffmpeg expect (section 5.3.1.3).
 */
public final class ChunkEncoder {

  private static final int EXTENDED_MARKER = 0xFFFFFF;

  private final Map<Integer, Previous> previous = new HashMap<>();
  private int chunkSize = ChunkDecoder.INITIAL_CHUNK_SIZE;

  /** What the last message on a chunk stream looked like. */
  private record Previous(long timestamp, long delta, int length, int typeId, int streamId) {}

  /** The chunk size to cut with from now on; send a Set Chunk Size to the peer first. */
  public void setChunkSize(int chunkSize) {
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunk size must be positive, was " + chunkSize);
    }
    this.chunkSize = chunkSize;
  }

  /** The chunks of {@code message} on chunk stream {@code chunkStreamId} (2 to 65599). */
  public ByteBuffer encode(RtmpMessage message, int chunkStreamId) {
    if (chunkStreamId < 2 || chunkStreamId > 65_599) {
      throw new IllegalArgumentException("chunk stream id 2 to 65599, was " + chunkStreamId);
    }
    int length = message.payload().length;
    int typeId = message.type().id();
    Previous last = previous.get(chunkStreamId);
    long delta = last == null ? 0 : message.timestamp() - last.timestamp();
    int format = format(last, message, length, typeId, delta);
    long field = format == 0 ? message.timestamp() : format == 3 ? last.delta() : delta;
    boolean extended = field >= EXTENDED_MARKER;
    int chunks = Math.max(1, (length + chunkSize - 1) / chunkSize);
    int basic = chunkStreamId < 64 ? 1 : chunkStreamId < 320 ? 2 : 3;
    int headers = basic + new int[] {11, 7, 3, 0}[format] + (extended ? 4 : 0);
    int continuations = (chunks - 1) * (basic + (extended ? 4 : 0));
    ByteBuffer out = ByteBuffer.allocate(headers + continuations + length);

    basicHeader(out, format, chunkStreamId);
    if (format <= 2) {
      uint24(out, extended ? EXTENDED_MARKER : (int) field);
    }
    if (format <= 1) {
      uint24(out, length);
      out.put((byte) typeId);
    }
    if (format == 0) {
      out.putInt(Integer.reverseBytes(message.streamId()));
    }
    if (extended) {
      out.putInt((int) field);
    }
    for (int offset = 0; offset < length; offset += chunkSize) {
      if (offset > 0) {
        basicHeader(out, 3, chunkStreamId);
        if (extended) {
          out.putInt((int) field);
        }
      }
      out.put(message.payload(), offset, Math.min(chunkSize, length - offset));
    }
    previous.put(
        chunkStreamId,
        new Previous(
            message.timestamp(),
            format == 0 ? message.timestamp() : field,
            length,
            typeId,
            message.streamId()));
    return out.flip();
  }

  private static int format(
      Previous last, RtmpMessage message, int length, int typeId, long delta) {
    if (last == null || last.streamId() != message.streamId() || delta < 0) {
      return 0;
    }
    if (last.length() != length || last.typeId() != typeId) {
      return 1;
    }
    return delta == last.delta() ? 3 : 2;
  }

  private static void basicHeader(ByteBuffer out, int format, int chunkStreamId) {
    if (chunkStreamId < 64) {
      out.put((byte) (format << 6 | chunkStreamId));
    } else if (chunkStreamId < 320) {
      out.put((byte) (format << 6)).put((byte) (chunkStreamId - 64));
    } else {
      int id = chunkStreamId - 64;
      out.put((byte) (format << 6 | 1)).put((byte) (id & 0xFF)).put((byte) (id >>> 8));
    }
  }

  private static void uint24(ByteBuffer out, int value) {
    out.put((byte) (value >>> 16)).put((byte) (value >>> 8)).put((byte) value);
  }
}
