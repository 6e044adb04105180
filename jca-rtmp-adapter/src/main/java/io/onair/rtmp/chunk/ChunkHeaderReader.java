package io.onair.rtmp.chunk;

import io.onair.rtmp.message.MessageType;
import io.onair.rtmp.protocol.ProtocolException;
import java.nio.ByteBuffer;
import java.util.function.IntFunction;

/**
 * Reads a chunk header (RTMP 1.0 section 5.3.1) without consuming anything, so that an incomplete
 * header costs nothing: the caller retries when more bytes have arrived.
 */
final class ChunkHeaderReader {

  private static final int EXTENDED_MARKER = 0xFFFFFF;
  private static final int[] MESSAGE_HEADER_LENGTH = {11, 7, 3, 0};

  private ChunkHeaderReader() {}

  /**
   * The header at the buffer's position, or null if the buffer does not hold all of it yet.
   *
   * @param states the chunk streams seen so far, by id; null for a new one
   */
  static ChunkHeader peek(ByteBuffer in, IntFunction<ChunkStreamState> states) {
    int at = in.position();
    if (in.remaining() < 1) {
      return null;
    }
    int first = in.get(at) & 0xFF;
    int format = first >>> 6;
    int basicLength;
    int chunkStreamId;
    switch (first & 0x3F) {
      case 0 -> {
        basicLength = 2;
        if (in.remaining() < 2) {
          return null;
        }
        chunkStreamId = 64 + (in.get(at + 1) & 0xFF);
      }
      case 1 -> {
        basicLength = 3;
        if (in.remaining() < 3) {
          return null;
        }
        chunkStreamId = 64 + (in.get(at + 1) & 0xFF) + ((in.get(at + 2) & 0xFF) << 8);
      }
      default -> {
        basicLength = 1;
        chunkStreamId = first & 0x3F;
      }
    }
    return messageHeader(in, at + basicLength, format, chunkStreamId, states.apply(chunkStreamId));
  }

  private static ChunkHeader messageHeader(
      ByteBuffer in, int at, int format, int chunkStreamId, ChunkStreamState state) {
    if (format >= 2 && (state == null || !state.hasMessageHeader)) {
      throw new ProtocolException(
          "chunk format",
          format,
          "chunk stream " + chunkStreamId + " has no previous header to continue");
    }
    int headerLength = MESSAGE_HEADER_LENGTH[format];
    int end = at + headerLength;
    if (in.limit() < end) {
      return null;
    }
    if (format == 3) {
      return formatThree(in, at, chunkStreamId, state);
    }
    int timestampField = uint24(in, at);
    int messageLength = format <= 1 ? uint24(in, at + 3) : -1;
    int typeId = format <= 1 ? in.get(at + 6) & 0xFF : -1;
    int streamId = format == 0 ? Integer.reverseBytes(in.getInt(at + 7)) : -1;
    if (typeId != -1) {
      MessageType.of(typeId);
    }
    boolean extended = timestampField == EXTENDED_MARKER;
    if (extended) {
      if (in.limit() < end + 4) {
        return null;
      }
      timestampField = in.getInt(end);
      end += 4;
    }
    return new ChunkHeader(
        format,
        chunkStreamId,
        end - in.position(),
        timestampField,
        extended,
        messageLength,
        typeId,
        streamId);
  }

  /**
   * A format 3 header repeats the previous one. After an extended timestamp, RTMP 1.0 section
   * 5.3.1.3 has the 4 extended bytes repeated too. Flash, librtmp and ffmpeg do so on every chunk;
   * some encoders omit them on chunks that continue a message. A continuation therefore takes the 4
   * bytes as the repeated field only when they equal it.
   */
  private static ChunkHeader formatThree(
      ByteBuffer in, int at, int chunkStreamId, ChunkStreamState state) {
    int end = at;
    if (state.extended) {
      if (in.limit() < end + 4) {
        return null;
      }
      boolean repeated = !state.inMessage() || in.getInt(end) == state.timestampField;
      if (repeated) {
        end += 4;
      }
    }
    return new ChunkHeader(
        3, chunkStreamId, end - in.position(), state.timestampField, state.extended, -1, -1, -1);
  }

  private static int uint24(ByteBuffer in, int at) {
    return ((in.get(at) & 0xFF) << 16) | ((in.get(at + 1) & 0xFF) << 8) | (in.get(at + 2) & 0xFF);
  }
}
