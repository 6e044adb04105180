package io.onair.launch;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files the build lays out beside the launcher jar: Payara Micro, the PostgreSQL driver, the
 * adapter and the portal.
 */
record Distribution(Path payaraMicro, Path jdbcDriver, Path adapter, Path portal) {

  static Distribution besideLauncher() {
    try {
      Path jar =
          Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return in(jar.getParent());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Distribution in(Path directory) {
    Distribution distribution =
        new Distribution(
            directory.resolve("micro/payara-micro.jar"),
            directory.resolve("micro/postgresql.jar"),
            directory.resolve("deploy/onair-rtmp.rar"),
            directory.resolve("deploy/ROOT.war"));
    for (Path file :
        new Path[] {
          distribution.payaraMicro,
          distribution.jdbcDriver,
          distribution.adapter,
          distribution.portal
        }) {
      if (!Files.isRegularFile(file)) {
        throw new IllegalStateException(file + " is missing; build with ./mvnw package first");
      }
    }
    return distribution;
  }
}
