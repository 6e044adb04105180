package io.onair.rtmp.chunk;

/**
 * What one chunk stream remembers between chunks: the last header's fields, against which the next
 * headers are compressed, and the message being reassembled.
 */
final class ChunkStreamState {

  /** Whether a header with a message length has been seen; formats 2 and 3 need one. */
  boolean hasMessageHeader;

  /** The current message's timestamp, unsigned 32-bit arithmetic in an int. */
  int timestamp;

  /**
   * The last timestamp field (absolute for format 0, delta for 1 and 2). A format 3 chunk that
   * starts a new message adds it again. After a format 0 header this is the absolute timestamp:
   * that is how ffmpeg both writes and reads it, and the spec leaves the case open.
   */
  int timestampField;

  /** Whether the last format 0-2 header used the extended timestamp. */
  boolean extended;

  int messageLength;
  int typeId;
  int streamId;

  /** The message being reassembled, or null between messages. */
  byte[] partial;

  int received;

  boolean inMessage() {
    return partial != null;
  }
}
