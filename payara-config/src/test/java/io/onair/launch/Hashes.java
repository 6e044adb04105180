package io.onair.launch;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** Hashes the tests compute independently of the server, to compare with what it stores. */
public final class Hashes {

  private Hashes() {}

  /** The lower-case hex SHA-256 of a string's UTF-8 bytes: how a stream key is stored. */
  public static String sha256Hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A PBKDF2 hash in the format of Jakarta Security's {@code Pbkdf2PasswordHash} ({@code
   * algorithm:iterations:base64 salt:base64 hash}), so tests can put accounts into the database.
   */
  public static String pbkdf2(String password) {
    try {
      byte[] salt = new byte[16];
      new SecureRandom().nextBytes(salt);
      int iterations = 10_000;
      byte[] hash =
          SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
              .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256))
              .getEncoded();
      Base64.Encoder b64 = Base64.getEncoder();
      return "PBKDF2WithHmacSHA256:"
          + iterations
          + ":"
          + b64.encodeToString(salt)
          + ":"
          + b64.encodeToString(hash);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
