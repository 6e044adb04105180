package io.onair.rtmp.handshake;

import java.time.InstantSource;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * S0+S1+S2, the server's answer to a complete C0+C1, sent in one write.
 *
 * <p>Plain (RTMP 1.0 5.2.2 to 5.2.4): S1 is time, four zero bytes and random bytes; S2 echoes C1.
 * Digest (Flash Player 9): S1 carries a server version and a server digest at the scheme the client
 * used; S2 is random bytes signed with a key derived from the client's digest. A C1 whose version
 * field is zero, or that carries no valid digest, gets the plain answer: that is what plain clients
 * need, and what nginx-rtmp does.
 */
final class ServerReply {

  static final int LENGTH = 1 + 2 * ServerHandshake.PACKET_SIZE;

  /**
   * The version S1 reports in the digest handshake. ffmpeg checks the S1 digest only when the first
   * byte is at least 3, and librtmp takes a zero first byte to mean "plain"; FMS 3 and later, and
   * every server after them, report a non-zero version here.
   */
  private static final byte[] DIGEST_VERSION = {4, 5, 0, 1};

  private static final int S1 = 1;
  private static final int S2 = S1 + ServerHandshake.PACKET_SIZE;
  private static final int RANDOM = 8;

  private final RandomGenerator random;
  private final InstantSource clock;

  ServerReply(RandomGenerator random, InstantSource clock) {
    this.random = random;
    this.clock = clock;
  }

  /** The reply to a complete C1; the caller keeps C1. */
  byte[] to(byte[] c1) {
    Optional<DigestScheme> scheme = clientScheme(c1);
    byte[] s1 = challenge(scheme);
    // The plain S2 echoes C1 whole, bytes 4..7 included where RTMP 1.0 5.2.4 wants our read time:
    // librtmp compares all 1536 bytes, and nginx-rtmp and Red5 echo C1 whole too.
    byte[] s2 = scheme.isPresent() ? signedResponse(c1, scheme.get()) : c1.clone();
    byte[] reply = new byte[LENGTH];
    reply[0] = ServerHandshake.RTMP_VERSION;
    System.arraycopy(s1, 0, reply, S1, s1.length);
    System.arraycopy(s2, 0, reply, S2, s2.length);
    return reply;
  }

  private static Optional<DigestScheme> clientScheme(byte[] c1) {
    boolean versionZero = c1[4] == 0 && c1[5] == 0 && c1[6] == 0 && c1[7] == 0;
    return versionZero ? Optional.empty() : HandshakeDigest.findClientDigest(c1);
  }

  private byte[] challenge(Optional<DigestScheme> scheme) {
    byte[] s1 = new byte[ServerHandshake.PACKET_SIZE];
    // RTMP 1.0 5.2.3 lets the epoch be any value; timestamps are 32 bits and wrap.
    int time = (int) clock.millis();
    s1[0] = (byte) (time >>> 24);
    s1[1] = (byte) (time >>> 16);
    s1[2] = (byte) (time >>> 8);
    s1[3] = (byte) time;
    fillRandom(s1, RANDOM, s1.length - RANDOM);
    if (scheme.isPresent()) {
      // At the client's own scheme: ffmpeg and librtmp look under both, so this only matters to a
      // client that looks under its own alone.
      System.arraycopy(DIGEST_VERSION, 0, s1, 4, DIGEST_VERSION.length);
      HandshakeDigest.signChallenge(s1, scheme.get());
    }
    return s1;
  }

  private byte[] signedResponse(byte[] c1, DigestScheme scheme) {
    byte[] s2 = new byte[ServerHandshake.PACKET_SIZE];
    fillRandom(s2, 0, s2.length - HandshakeDigest.LENGTH);
    HandshakeDigest.signResponse(s2, c1, scheme);
    return s2;
  }

  private void fillRandom(byte[] bytes, int from, int length) {
    byte[] randomBytes = new byte[length];
    random.nextBytes(randomBytes);
    System.arraycopy(randomBytes, 0, bytes, from, length);
  }
}
