package io.onair.rtmp.handshake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 digests of the Flash Player 9 handshake. Adobe never published it; the keys and
 * the layout are those every interoperating implementation uses (librtmp handshake.h, ffmpeg
 * rtmpproto.c, nginx-rtmp ngx_rtmp_handshake.c): C1 and S1 carry a digest of the rest of the packet
 * keyed with the first 30 bytes of the player key (C1) or the first 36 of the server key (S1); S2
 * and C2 end with a signature keyed with an HMAC, under the full key, of the peer's digest.
 */
final class HandshakeDigest {

  static final int LENGTH = 32;

  private static final String ALGORITHM = "HmacSHA256";

  /** The 32 bytes both keys end with, after their text. */
  private static final byte[] KEY_TAIL =
      HexFormat.of().parseHex("F0EEC24A8068BEE82E00D0D1029E7E576EEC5D2D29806FAB93B8E636CFEB31AE");

  /**
   * The player key without its tail: C1's digest uses no more, and the full player key only signs
   * C2, which the server does not check.
   */
  private static final byte[] PLAYER_KEY_TEXT =
      "Genuine Adobe Flash Player 001".getBytes(StandardCharsets.US_ASCII);

  private static final byte[] SERVER_KEY = withTail("Genuine Adobe Flash Media Server 001");
  private static final int SERVER_KEY_TEXT_LENGTH = 36;

  private HandshakeDigest() {}

  /**
   * The scheme under which C1 carries a valid client digest, or empty when it carries none. Scheme
   * 0 is tried first because ffmpeg and Flash Player's plain RTMP use it; a random 32-byte match
   * under the wrong scheme has odds of 2^-256.
   */
  static Optional<DigestScheme> findClientDigest(byte[] c1) {
    for (DigestScheme scheme : DigestScheme.values()) {
      int position = scheme.position(c1);
      byte[] expected = packetDigest(c1, position, PLAYER_KEY_TEXT, PLAYER_KEY_TEXT.length);
      if (MessageDigest.isEqual(expected, copy(c1, position, LENGTH))) {
        return Optional.of(scheme);
      }
    }
    return Optional.empty();
  }

  /** Writes the server digest into S1 at the position its own bytes give under the scheme. */
  static void signChallenge(byte[] s1, DigestScheme scheme) {
    int position = scheme.position(s1);
    byte[] digest = packetDigest(s1, position, SERVER_KEY, SERVER_KEY_TEXT_LENGTH);
    System.arraycopy(digest, 0, s1, position, LENGTH);
  }

  /**
   * Writes the signature over the first {@code s2.length - 32} bytes of S2 into its last 32, keyed
   * with the client's digest as ffmpeg and librtmp check it.
   */
  static void signResponse(byte[] s2, byte[] c1, DigestScheme clientScheme) {
    int position = clientScheme.position(c1);
    byte[] key = mac(SERVER_KEY, SERVER_KEY.length).doFinal(copy(c1, position, LENGTH));
    Mac signer = mac(key, key.length);
    signer.update(s2, 0, s2.length - LENGTH);
    System.arraycopy(signer.doFinal(), 0, s2, s2.length - LENGTH, LENGTH);
  }

  /** HMAC of the packet without the 32 bytes at position, keyed with a prefix of the key. */
  private static byte[] packetDigest(byte[] packet, int position, byte[] key, int keyLength) {
    Mac digest = mac(key, keyLength);
    digest.update(packet, 0, position);
    digest.update(packet, position + LENGTH, packet.length - position - LENGTH);
    return digest.doFinal();
  }

  private static byte[] withTail(String text) {
    byte[] textBytes = text.getBytes(StandardCharsets.US_ASCII);
    byte[] key = Arrays.copyOf(textBytes, textBytes.length + KEY_TAIL.length);
    System.arraycopy(KEY_TAIL, 0, key, textBytes.length, KEY_TAIL.length);
    return key;
  }

  private static byte[] copy(byte[] bytes, int from, int length) {
    return Arrays.copyOfRange(bytes, from, from + length);
  }

  private static Mac mac(byte[] key, int length) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, 0, length, ALGORITHM));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform must provide " + ALGORITHM, e);
    }
  }
}
