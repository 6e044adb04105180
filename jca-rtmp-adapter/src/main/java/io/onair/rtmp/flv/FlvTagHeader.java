package io.onair.rtmp.flv;

import io.onair.rtmp.protocol.ProtocolException;

/**
 * The 11 bytes before each FLV tag body (Adobe FLV 10.1 annex E.4.1): Reserved (2 bits), Filter (1
 * bit), TagType (5 bits), DataSize (UI24), Timestamp (UI24, the low bits) and TimestampExtended
 * (UI8, the high bits) of a signed 32-bit millisecond time, and StreamID (UI24, always 0).
 *
 * @param type TagType: 8 audio, 9 video, 18 script data
 * @param dataSize the length of the tag body, which follows
 * @param timestamp milliseconds; TimestampExtended is its sign and upper 7 bits
 */
record FlvTagHeader(int type, int dataSize, int timestamp) {

  static final int SIZE = 11;
  static final int AUDIO = 8;
  static final int VIDEO = 9;
  static final int SCRIPT_DATA = 18;

  /** DataSize is 24 bits. */
  static final int MAX_DATA_SIZE = 0xFFFFFF;

  private static final int FILTER = 0x20;
  private static final int TYPE = 0x1F;

  FlvTagHeader {
    if ((type & ~TYPE) != 0 || dataSize < 0 || dataSize > MAX_DATA_SIZE) {
      throw new IllegalArgumentException("no FLV tag header: type " + type + ", size " + dataSize);
    }
  }

  /** Writes the 11 bytes at {@code at}; Reserved, Filter and StreamID 0. */
  void encode(byte[] out, int at) {
    out[at] = (byte) type;
    out[at + 1] = (byte) (dataSize >> 16);
    out[at + 2] = (byte) (dataSize >> 8);
    out[at + 3] = (byte) dataSize;
    out[at + 4] = (byte) (timestamp >> 16);
    out[at + 5] = (byte) (timestamp >> 8);
    out[at + 6] = (byte) timestamp;
    out[at + 7] = (byte) (timestamp >> 24);
    out[at + 8] = 0;
    out[at + 9] = 0;
    out[at + 10] = 0;
  }

  /**
   * Reads 11 bytes.
   *
   * @throws ProtocolException for an encrypted or otherwise filtered tag (E.4.1 Filter, with the
   *     EncryptionHeader and FilterParams of Flash Access), which we cannot read
   */
  static FlvTagHeader decode(byte[] in) {
    int first = in[0] & 0xFF;
    if ((first & FILTER) != 0) {
      throw new ProtocolException(
          "FLV tag Filter",
          1,
          "encrypted or filtered tags are not supported (TagType " + (first & TYPE) + ")");
    }
    // Reserved "for FMS" bits and StreamID are left unchecked, as ffmpeg's demuxer leaves them.
    int dataSize = (in[1] & 0xFF) << 16 | (in[2] & 0xFF) << 8 | in[3] & 0xFF;
    int timestamp =
        (in[7] & 0xFF) << 24 | (in[4] & 0xFF) << 16 | (in[5] & 0xFF) << 8 | in[6] & 0xFF;
    return new FlvTagHeader(first & TYPE, dataSize, timestamp);
  }
}
