package io.onair.launch;

import java.net.URI;
import java.net.URL;
import java.nio.file.Path;

/** What the build tells the integration tests: where things are and which ports to use. */
public final class ItSettings {

  private ItSettings() {}

  public static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(property + " is not set; run the tests through Maven");
    }
    return value;
  }

  /** The laid-out Payara Micro distribution: launcher, micro/, deploy/. */
  public static Path distribution() {
    return Path.of(required("onair.dist.dir"));
  }

  public static String adminPassword() {
    return required("onair.it.admin.password");
  }

  /** A JDBC URL of the tests' embedded PostgreSQL. */
  public static String databaseUrl() {
    return "jdbc:postgresql://127.0.0.1:" + required("onair.it.db.port") + "/onair";
  }

  /**
   * The portal's URL on loopback. Arquillian reports the address Payara Micro announces, which is
   * the machine's network address; tests send traffic to loopback only.
   */
  public static URI loopback(URL announced) {
    return URI.create("http://127.0.0.1:" + announced.getPort() + announced.getPath());
  }
}
