package io.onair.rtmp.chunk;

import io.onair.rtmp.message.MessageType;
import io.onair.rtmp.message.ProtocolControl;
import io.onair.rtmp.message.RtmpMessage;
import io.onair.rtmp.protocol.ProtocolException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Reassembles RTMP messages from the chunks a peer sends (RTMP 1.0 section 5.3).
 *
 * <p>{@link #decode} consumes whole chunks only: a chunk that has not fully arrived stays in the
 * caller's buffer, to be offered again with more bytes. Set Chunk Size and Abort act on this
 * decoder as they arrive, and are returned like every other message.
 *
 * <p>Every size the peer controls is checked before anything is allocated: the declared length of a
 * message, the chunk size it sets, the number of chunk streams, and the bytes of unfinished
 * messages held at once.
 */
public final class ChunkDecoder {

  /** RTMP 1.0 section 5.4.1: both directions start at 128 bytes. */
  static final int INITIAL_CHUNK_SIZE = 128;

  private final ChunkLimits limits;
  private final Map<Integer, ChunkStreamState> streams = new HashMap<>();
  private int chunkSize = INITIAL_CHUNK_SIZE;
  private long buffered;

  public ChunkDecoder(ChunkLimits limits) {
    this.limits = limits;
  }

  /**
   * The next complete message, or null when the buffer holds no more complete chunks. Consumes the
   * chunks it read; leaves an incomplete chunk in place.
   *
   * @throws ProtocolException when the peer breaks the protocol or a limit; the decoder is then
   *     unusable and the connection should close
   */
  public RtmpMessage decode(ByteBuffer in) {
    while (true) {
      ChunkHeader header = ChunkHeaderReader.peek(in, streams::get);
      if (header == null) {
        return null;
      }
      ChunkStreamState state = stream(header.chunkStreamId());
      int length = header.messageLength() >= 0 ? header.messageLength() : state.messageLength;
      int done = state.inMessage() ? state.received : 0;
      if (!state.inMessage()) {
        // Refuse a lying header at once, not after waiting for a payload that never comes.
        checkLimits(length);
      }
      int payload = Math.min(chunkSize, length - done);
      if (in.remaining() < header.length() + payload) {
        return null;
      }
      in.position(in.position() + header.length());
      apply(header, state);
      if (!state.inMessage()) {
        begin(state);
      }
      in.get(state.partial, state.received, payload);
      state.received += payload;
      if (state.received == state.messageLength) {
        return complete(state);
      }
    }
  }

  /** The chunk size the peer currently sends with. */
  public int chunkSize() {
    return chunkSize;
  }

  private ChunkStreamState stream(int chunkStreamId) {
    ChunkStreamState state = streams.get(chunkStreamId);
    if (state == null) {
      if (streams.size() >= limits.maxChunkStreams()) {
        throw new ProtocolException(
            "chunk stream id",
            chunkStreamId,
            "exceeds the limit of " + limits.maxChunkStreams() + " chunk streams per connection");
      }
      state = new ChunkStreamState();
      streams.put(chunkStreamId, state);
    }
    return state;
  }

  private void apply(ChunkHeader header, ChunkStreamState state) {
    if (header.format() == 3) {
      if (!state.inMessage()) {
        state.timestamp += state.timestampField;
      }
      return;
    }
    if (state.inMessage()) {
      // RTMP 1.0 5.3.1: a new header while a message is unfinished on the same chunk stream.
      throw new ProtocolException(
          "chunk format",
          header.format(),
          "chunk stream " + header.chunkStreamId() + " is in the middle of a message");
    }
    state.timestamp =
        header.format() == 0 ? header.timestampField() : state.timestamp + header.timestampField();
    state.timestampField = header.timestampField();
    state.extended = header.extended();
    if (header.format() <= 1) {
      state.messageLength = header.messageLength();
      state.typeId = header.typeId();
      state.hasMessageHeader = true;
    }
    if (header.format() == 0) {
      state.streamId = header.streamId();
    }
  }

  private void begin(ChunkStreamState state) {
    int length = state.messageLength;
    checkLimits(length);
    buffered += length;
    state.partial = new byte[length];
    state.received = 0;
  }

  private void checkLimits(int length) {
    if (length > limits.maxMessageSize()) {
      throw new ProtocolException(
          "message length", length, "exceeds the limit of " + limits.maxMessageSize() + " bytes");
    }
    if (buffered + length > limits.maxBufferedBytes()) {
      throw new ProtocolException(
          "message length",
          length,
          "unfinished messages would hold more than " + limits.maxBufferedBytes() + " bytes");
    }
  }

  private RtmpMessage complete(ChunkStreamState state) {
    RtmpMessage message =
        new RtmpMessage(
            MessageType.of(state.typeId),
            Integer.toUnsignedLong(state.timestamp),
            state.streamId,
            state.partial);
    release(state);
    if (message.type() == MessageType.SET_CHUNK_SIZE) {
      chunkSize = ProtocolControl.chunkSize(message, limits.maxChunkSize());
    } else if (message.type() == MessageType.ABORT) {
      ChunkStreamState aborted = streams.get(ProtocolControl.abortedChunkStream(message));
      if (aborted != null && aborted.inMessage()) {
        release(aborted);
      }
    }
    return message;
  }

  private void release(ChunkStreamState state) {
    buffered -= state.partial.length;
    state.partial = null;
    state.received = 0;
  }
}
