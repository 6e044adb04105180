package io.onair.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * For the Arquillian test runs ({@code arquillian.launch} set): starts a fresh embedded PostgreSQL
 * on the port the Payara Micro processes are told about, and writes their post-boot scripts, before
 * Arquillian boots Payara; stops the database when the run ends.
 */
public class EmbeddedDatabaseSession implements LauncherSessionListener {

  private EmbeddedDatabase database;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (System.getProperty("arquillian.launch") == null) {
      return;
    }
    try {
      Path dir = Path.of(ItSettings.required("onair.it.dir"));
      Path data = dir.resolve("postgres-" + System.getProperty("arquillian.launch"));
      deleteRecursively(data);
      String storage = System.getProperty("onair.it.storage.dir");
      if (storage != null) {
        // Recordings belong to the database just emptied: the broadcast ids start again at 1.
        deleteRecursively(Path.of(storage));
      }
      database =
          EmbeddedDatabase.start(data, Integer.parseInt(ItSettings.required("onair.it.db.port")));
      // The launcher's own keystore making, with the password the Micro process is given.
      Files.createDirectories(dir.resolve("tls"));
      Files.writeString(
          dir.resolve("tls/rtmps.password"), ItSettings.required("onair.it.rtmps.password"));
      RtmpsKeystore keystore =
          RtmpsKeystore.configuredOrSelfSigned(
              LaunchSettings.from(
                  new java.util.Properties(), Map.of("ONAIR_HOME", dir.toString())));
      Map<String, String> values =
          Map.of(
              "RTMP_PORT", ItSettings.required("onair.it.rtmp.port"),
              "RTMPS_PORT", ItSettings.required("onair.it.rtmps.port"),
              "BIND_ADDRESS", "127.0.0.1",
              "KEYSTORE", keystore.path().toString(),
              "RAR", ItSettings.distribution().resolve("deploy/onair-rtmp.rar").toString());
      PostBootScript.write(dir.resolve("postboot-with-adapter.asadmin"), values, true);
      PostBootScript.write(dir.resolve("postboot-without-adapter.asadmin"), values, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (database != null) {
      try {
        database.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Deletes a directory tree; nothing to do if it is absent. */
  public static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
