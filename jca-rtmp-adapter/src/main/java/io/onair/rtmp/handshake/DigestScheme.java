package io.onair.rtmp.handshake;

/**
 * Where the 32-byte digest sits in a C1 or S1 of the digest handshake. The RTMP 1.0 specification
 * does not describe it; it comes from Flash Player 9, and every open implementation agrees on it
 * (librtmp's GetDigestOffset1/2, ffmpeg's ff_rtmp_calc_digest_pos, nginx-rtmp's find_digest): four
 * bytes whose sum modulo 728 is the digest's offset within the 728 + 32 bytes that follow them.
 */
enum DigestScheme {
  /** Offset bytes 8..11, digest within 12..771: ffmpeg and Flash Player's plain RTMP. */
  SCHEME_0(8),
  /** Offset bytes 772..775, digest within 776..1535: librtmp built with FP10, and RTMPE. */
  SCHEME_1(772);

  private static final int OFFSET_MODULUS = 728;

  private final int offsetField;

  DigestScheme(int offsetField) {
    this.offsetField = offsetField;
  }

  /** Where the digest starts in a 1536-byte C1 or S1, as its offset bytes say. */
  int position(byte[] packet) {
    int sum = 0;
    for (int i = offsetField; i < offsetField + 4; i++) {
      sum += Byte.toUnsignedInt(packet[i]);
    }
    return offsetField + 4 + sum % OFFSET_MODULUS;
  }
}
