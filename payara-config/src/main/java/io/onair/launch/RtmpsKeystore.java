package io.onair.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Logger;

/**
 * The RTMPS certificate of the embedded run: the configured keystore ({@code onair.rtmps.keystore}
 * with {@code onair.rtmps.keystore.password}), or else a self-signed one made once with the JDK's
 * keytool under the data directory, its password beside it (random unless that file was written
 * first), both readable by the owner only.
 */
record RtmpsKeystore(Path path, String password) {

  private static final Logger LOG = Logger.getLogger(RtmpsKeystore.class.getName());

  static RtmpsKeystore configuredOrSelfSigned(LaunchSettings settings) throws IOException {
    if (settings.rtmpsKeystore().isPresent()) {
      return new RtmpsKeystore(settings.rtmpsKeystore().get(), settings.rtmpsKeystorePassword());
    }
    Path dir = settings.home().resolve("tls");
    Path keystore = dir.resolve("rtmps.p12");
    Path passwordFile = dir.resolve("rtmps.password");
    if (!Files.exists(keystore)) {
      generate(dir, keystore, passwordFile);
    }
    return new RtmpsKeystore(
        keystore, Files.readString(passwordFile, StandardCharsets.US_ASCII).strip());
  }

  private static void generate(Path dir, Path keystore, Path passwordFile) throws IOException {
    Files.createDirectories(dir);
    if (!Files.exists(passwordFile)) {
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      // Hex: no character that the asadmin property syntax would take for a separator.
      Files.writeString(passwordFile, HexFormat.of().formatHex(random), StandardCharsets.US_ASCII);
      Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
    }
    String password = Files.readString(passwordFile, StandardCharsets.US_ASCII).strip();
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
            "-genkeypair",
            "-alias",
            "rtmps",
            "-keyalg",
            "EC",
            "-groupname",
            "secp256r1",
            "-dname",
            "CN=OnAir RTMPS (self-signed)",
            "-validity",
            "825",
            "-ext",
            "SAN=dns:localhost,ip:127.0.0.1",
            "-storetype",
            "PKCS12",
            "-keystore",
            keystore.toString(),
            "-storepass",
            password);
    try {
      Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (keytool.waitFor() != 0) {
        throw new IOException("keytool could not make the RTMPS certificate: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while making the RTMPS certificate", e);
    }
    Files.setPosixFilePermissions(keystore, PosixFilePermissions.fromString("rw-------"));
    LOG.warning(
        "RTMPS uses a self-signed certificate made for this machine ("
            + keystore
            + "); encoders must be told to accept it. For production set ONAIR_RTMPS_KEYSTORE and"
            + " ONAIR_RTMPS_KEYSTORE_PASSWORD to a PKCS12 keystore from your company CA.");
  }
}
