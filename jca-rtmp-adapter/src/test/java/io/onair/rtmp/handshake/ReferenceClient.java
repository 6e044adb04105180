package io.onair.rtmp.handshake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A client written from the client handshakes of librtmp (handshake.h: HandShake) and ffmpeg
 * (rtmpproto.c: rtmp_handshake), with its own keys and HMAC code, so the server is checked against
 * what the clients do rather than against itself.
 */
final class ReferenceClient {

  static final int PACKET = 1536;
  static final int REPLY = 1 + 2 * PACKET;

  private static final byte[] KEY_TAIL =
      HexFormat.of().parseHex("f0eec24a8068bee82e00d0d1029e7e576eec5d2d29806fab93b8e636cfeb31ae");
  private static final byte[] PLAYER_KEY = key("Genuine Adobe Flash Player 001");
  private static final byte[] SERVER_KEY = key("Genuine Adobe Flash Media Server 001");

  /** The clients whose C1 the server must answer. */
  enum Kind {
    /** OBS (librtmp without SWF verification) and GStreamer rtmp2: zero version, random bytes. */
    PLAIN(0, new byte[4]),
    /** ffmpeg: emulates Flash 9.0.124.2, digest offset bytes at 8. */
    FFMPEG(8, new byte[] {9, 0, 124, 2}),
    /** librtmp built with FP10, once SWF verification is on: 128.0.3.2, offset bytes at 772. */
    LIBRTMP_FP10(772, new byte[] {(byte) 128, 0, 3, 2});

    private final int offsetField;
    private final byte[] version;

    Kind(int offsetField, byte[] version) {
      this.offsetField = offsetField;
      this.version = version;
    }
  }

  /** Where the client's digest offset bytes are; 0 for a plain client. */
  private final int offsetField;

  private final byte[] c1;

  private ReferenceClient(int offsetField, byte[] c1) {
    this.offsetField = offsetField;
    this.c1 = c1;
  }

  static ReferenceClient of(Kind kind, Random random) {
    return new ReferenceClient(kind.offsetField, c1(kind.offsetField, kind.version, random));
  }

  /** A digest client reporting any version, its digest offset bytes at 8 or 772. */
  static ReferenceClient signing(int offsetField, byte[] version, Random random) {
    return new ReferenceClient(offsetField, c1(offsetField, version, random));
  }

  private static byte[] c1(int offsetField, byte[] version, Random random) {
    byte[] c1 = new byte[PACKET];
    random.nextBytes(c1);
    System.arraycopy(version, 0, c1, 4, 4);
    if (offsetField != 0) {
      int position = position(c1, offsetField);
      byte[] digest = hmac(Arrays.copyOf(PLAYER_KEY, 30), without(c1, position));
      System.arraycopy(digest, 0, c1, position, 32);
    }
    return c1;
  }

  byte[] c1() {
    return c1.clone();
  }

  byte[] c0c1() {
    byte[] c0c1 = new byte[1 + PACKET];
    c0c1[0] = 3;
    System.arraycopy(c1, 0, c0c1, 1, PACKET);
    return c0c1;
  }

  int digestOffsetField() {
    return offsetField;
  }

  /**
   * Where S1's digest is, searched as ffmpeg and librtmp do (offset bytes at 772 first, then at 8,
   * keyed with the first 36 bytes of the server key), or -1 when neither verifies.
   */
  static int serverDigestPosition(byte[] s1) {
    for (int offsetField : new int[] {772, 8}) {
      int position = position(s1, offsetField);
      byte[] expected = hmac(Arrays.copyOf(SERVER_KEY, 36), without(s1, position));
      if (Arrays.equals(expected, Arrays.copyOfRange(s1, position, position + 32))) {
        return position;
      }
    }
    return -1;
  }

  /** Whether S2 ends with the signature ffmpeg and librtmp require after sending a digest. */
  boolean acceptsSignedS2(byte[] s2) {
    int position = position(c1, offsetField);
    byte[] key = hmac(SERVER_KEY, Arrays.copyOfRange(c1, position, position + 32));
    byte[] signature = hmac(key, Arrays.copyOf(s2, PACKET - 32));
    return Arrays.equals(signature, Arrays.copyOfRange(s2, PACKET - 32, PACKET));
  }

  /**
   * C2 as the client sends it: after a digest S1, random bytes signed with a key derived from the
   * server's digest (librtmp, ffmpeg); after a plain S1, S1 echoed with the client's time in bytes
   * 4..7 (librtmp, GStreamer).
   */
  byte[] c2(byte[] s1, Random random) {
    int serverDigest = offsetField == 0 || s1[4] == 0 ? -1 : serverDigestPosition(s1);
    if (serverDigest < 0) {
      byte[] echo = s1.clone();
      echo[7] = 42;
      return echo;
    }
    byte[] c2 = new byte[PACKET];
    random.nextBytes(c2);
    byte[] key = hmac(PLAYER_KEY, Arrays.copyOfRange(s1, serverDigest, serverDigest + 32));
    System.arraycopy(hmac(key, Arrays.copyOf(c2, PACKET - 32)), 0, c2, PACKET - 32, 32);
    return c2;
  }

  static byte[] s1(byte[] reply) {
    return Arrays.copyOfRange(reply, 1, 1 + PACKET);
  }

  static byte[] s2(byte[] reply) {
    return Arrays.copyOfRange(reply, 1 + PACKET, REPLY);
  }

  static int position(byte[] packet, int offsetField) {
    int sum = 0;
    for (int i = 0; i < 4; i++) {
      sum += packet[offsetField + i] & 0xFF;
    }
    return sum % 728 + offsetField + 4;
  }

  private static byte[] without(byte[] packet, int position) {
    byte[] rest = Arrays.copyOf(packet, packet.length - 32);
    System.arraycopy(packet, position + 32, rest, position, packet.length - position - 32);
    return rest;
  }

  private static byte[] key(String text) {
    byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
    byte[] key = Arrays.copyOf(ascii, ascii.length + KEY_TAIL.length);
    System.arraycopy(KEY_TAIL, 0, key, ascii.length, KEY_TAIL.length);
    return key;
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
