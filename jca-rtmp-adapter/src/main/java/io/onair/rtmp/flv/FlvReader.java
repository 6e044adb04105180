package io.onair.rtmp.flv;

import io.onair.rtmp.api.MediaFrame;
import io.onair.rtmp.protocol.ProtocolException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Reads an FLV byte stream (Adobe FLV 10.1 annex E) into {@link MediaFrame}s: the file header (E.2)
 * once, then tag after tag (E.4.1), each body read by the same parsers as an RTMP message ({@link
 * VideoTagParser}, {@link AudioTagParser}, legacy and Enhanced RTMP). It is how a transcoder reads
 * ffmpeg's renditions back.
 *
 * <p>The stream is a live socket, so it reads exactly what each tag needs (its 11-byte header, its
 * body, its PreviousTagSize) and never ahead; a call blocks until the next frame is in. Script data
 * ({@code onMetaData}), tags of other types, empty tags (ffmpeg's demuxer skips them too), unknown
 * codecs and what is no media frame ({@link MediaTag#isMediaFrame()}) are passed over. Timestamps
 * are taken as they are, signed 32-bit, never carried past a wrap; no frame is a discontinuity.
 *
 * <p>Any error ends the stream: a later {@link #next()} throws {@link IllegalStateException}, since
 * where the next tag starts is then unknown.
 *
 * <p>Not thread-safe: one thread reads a stream.
 */
public final class FlvReader {

  private static final int PREVIOUS_TAG_SIZE = 4;

  private final InputStream in;
  private final int maxTagBytes;
  private final byte[] tagHeader = new byte[FlvTagHeader.SIZE];
  private final byte[] previousTagSize = new byte[PREVIOUS_TAG_SIZE];

  private boolean headerRead;
  private boolean broken;

  /**
   * @param maxTagBytes the largest tag body (DataSize) accepted, checked before it is allocated;
   *     DataSize is 24 bits, so at most 16 MiB in any case
   */
  public FlvReader(InputStream in, int maxTagBytes) {
    this.in = Objects.requireNonNull(in, "in");
    if (maxTagBytes < 1) {
      throw new IllegalArgumentException("max tag bytes " + maxTagBytes + " below 1");
    }
    this.maxTagBytes = maxTagBytes;
  }

  /**
   * The next audio or video frame; on the first call, the file header is read before it.
   *
   * @return the frame, or null when the stream ends cleanly: right after a tag's PreviousTagSize
   * @throws EOFException when the stream ends inside the file header or a tag; the message names
   *     the field
   * @throws ProtocolException for a bad file header, a filtered (encrypted) tag, a tag over the
   *     limit, a wrong PreviousTagSize or a broken tag body; it names the field and value
   * @throws IllegalStateException when an earlier call failed
   */
  public MediaFrame next() throws IOException {
    if (broken) {
      throw new IllegalStateException("an earlier error ended this FLV stream");
    }
    // Broken is set while a header or tag is half read, so any exception there leaves it set.
    if (!headerRead) {
      broken = true;
      readFileHeader();
      headerRead = true;
      broken = false;
    }
    while (true) {
      // Between tags nothing is half read: a read timeout of a socket here may be retried.
      int first = in.read();
      if (first < 0) {
        return null;
      }
      broken = true;
      MediaFrame frame = readTag(first);
      broken = false;
      if (frame != null) {
        return frame;
      }
    }
  }

  private void readFileHeader() throws IOException {
    byte[] bytes = readFully(FlvHeader.SIZE, "the FLV header");
    FlvHeader header = FlvHeader.decode(bytes);
    readFully(header.dataOffset() - FlvHeader.SIZE, "the FLV header's extra bytes");
    readFully(previousTagSize, 0, PREVIOUS_TAG_SIZE, "PreviousTagSize0");
    int size = int32(previousTagSize);
    if (size != 0) {
      throw new ProtocolException("FLV PreviousTagSize0", size, "should be 0");
    }
  }

  /** The frame of the tag whose first byte was read, or null for a tag passed over. */
  private MediaFrame readTag(int first) throws IOException {
    tagHeader[0] = (byte) first;
    readFully(tagHeader, 1, FlvTagHeader.SIZE - 1, "a tag header");
    FlvTagHeader header = FlvTagHeader.decode(tagHeader);
    if (header.dataSize() > maxTagBytes) {
      throw new ProtocolException(
          "FLV tag DataSize",
          header.dataSize(),
          "over the limit of " + maxTagBytes + " bytes (TagType " + header.type() + ")");
    }
    byte[] body = readFully(header.dataSize(), "a tag body (DataSize " + header.dataSize() + ")");
    readFully(previousTagSize, 0, PREVIOUS_TAG_SIZE, "PreviousTagSize");
    int size = int32(previousTagSize);
    if (size != FlvTagHeader.SIZE + header.dataSize()) {
      throw new ProtocolException(
          "FLV PreviousTagSize",
          size,
          "should be 11 + DataSize = " + (FlvTagHeader.SIZE + header.dataSize()));
    }
    if (body.length == 0) {
      return null;
    }
    MediaTag tag =
        switch (header.type()) {
          case FlvTagHeader.VIDEO -> VideoTagParser.parse(header.timestamp(), body);
          case FlvTagHeader.AUDIO -> AudioTagParser.parse(header.timestamp(), body);
          default -> null; // script data, or a type FLV 10.1 does not define
        };
    return tag != null && tag.isMediaFrame() ? tag.toMediaFrame(tag.dts(), false) : null;
  }

  private byte[] readFully(int length, String field) throws IOException {
    byte[] bytes = new byte[length];
    readFully(bytes, 0, length, field);
    return bytes;
  }

  private void readFully(byte[] bytes, int offset, int length, String field) throws IOException {
    int read = in.readNBytes(bytes, offset, length);
    if (read < length) {
      throw new EOFException(
          "FLV stream ended in "
              + field
              + " after "
              + (offset + read)
              + " of "
              + (offset + length)
              + " bytes");
    }
  }

  private static int int32(byte[] bytes) {
    return (bytes[0] & 0xFF) << 24
        | (bytes[1] & 0xFF) << 16
        | (bytes[2] & 0xFF) << 8
        | bytes[3] & 0xFF;
  }
}
