package io.onair.rtmp.chunk;

/**
 * What a peer may make the chunk decoder hold.
 *
 * @param maxChunkSize the largest chunk size a Set Chunk Size may set
 * @param maxMessageSize the largest message length a chunk header may declare
 * @param maxChunkStreams how many chunk streams one connection may use
 */
public record ChunkLimits(int maxChunkSize, int maxMessageSize, int maxChunkStreams) {

  public ChunkLimits {
    if (maxChunkSize < 128 || maxMessageSize < 1 || maxChunkStreams < 2) {
      throw new IllegalArgumentException(
          "limits too small: chunk size >= 128, message size >= 1, chunk streams >= 2");
    }
  }

  /**
   * The most bytes of unfinished messages held at once. A peer may interleave a large video message
   * with audio on another chunk stream, so one message's worth is not enough; twice the largest
   * message is, and it still bounds what a peer opening every chunk stream can pin.
   */
  long maxBufferedBytes() {
    return 2L * maxMessageSize;
  }
}
