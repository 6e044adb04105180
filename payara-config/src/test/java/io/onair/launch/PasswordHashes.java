package io.onair.launch;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2 hashes in the format of Jakarta Security's {@code Pbkdf2PasswordHash} ({@code
 * algorithm:iterations:base64 salt:base64 hash}), made independently of the server so that tests
 * can put accounts straight into the database.
 */
public final class PasswordHashes {

  private PasswordHashes() {}

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
