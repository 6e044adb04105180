package io.onair.rtmp.flv;

import io.onair.rtmp.protocol.ProtocolException;

/**
 * The FLV file header (Adobe FLV 10.1 annex E.2): the signature "FLV", version 1, TypeFlags saying
 * whether audio (bit 2) and video (bit 0) tags follow, and DataOffset, the header's own length.
 *
 * @param audio whether the stream carries audio tags
 * @param video whether the stream carries video tags
 * @param dataOffset where the FLV body starts: 9 for version 1, more only if a later version grew
 *     the header
 */
record FlvHeader(boolean audio, boolean video, int dataOffset) {

  /** The length of a version 1 header. */
  static final int SIZE = 9;

  /**
   * How far past the 9 bytes we follow DataOffset. No writer we know sets more than 9; a bound
   * keeps a broken peer from making us read megabytes as a header.
   */
  static final int MAX_DATA_OFFSET = SIZE + 1024;

  private static final int VERSION = 1;
  private static final int FLAG_AUDIO = 0x04;
  private static final int FLAG_VIDEO = 0x01;

  FlvHeader(boolean audio, boolean video) {
    this(audio, video, SIZE);
  }

  /** The 9 header bytes, DataOffset 9 whatever this header says: we write version 1. */
  byte[] encode() {
    return new byte[] {
      'F',
      'L',
      'V',
      VERSION,
      (byte) ((audio ? FLAG_AUDIO : 0) | (video ? FLAG_VIDEO : 0)),
      0,
      0,
      0,
      SIZE
    };
  }

  /**
   * Reads the first 9 bytes of a stream.
   *
   * @throws ProtocolException when the signature, version or DataOffset is wrong
   */
  static FlvHeader decode(byte[] bytes) {
    if (bytes[0] != 'F' || bytes[1] != 'L' || bytes[2] != 'V') {
      throw new ProtocolException(
          "FLV Signature",
          String.format("%02x%02x%02x", bytes[0], bytes[1], bytes[2]),
          "should be 'FLV' (464c56)");
    }
    int version = bytes[3] & 0xFF;
    if (version != VERSION) {
      throw new ProtocolException("FLV Version", version, "only version 1 is defined");
    }
    // TypeFlagsReserved bits are left unchecked, as ffmpeg leaves them: they say nothing we use.
    int flags = bytes[4] & 0xFF;
    long dataOffset =
        (bytes[5] & 0xFFL) << 24
            | (bytes[6] & 0xFF) << 16
            | (bytes[7] & 0xFF) << 8
            | bytes[8] & 0xFF;
    if (dataOffset < SIZE || dataOffset > MAX_DATA_OFFSET) {
      throw new ProtocolException(
          "FLV DataOffset", dataOffset, "should be from " + SIZE + " to " + MAX_DATA_OFFSET);
    }
    return new FlvHeader((flags & FLAG_AUDIO) != 0, (flags & FLAG_VIDEO) != 0, (int) dataOffset);
  }
}
