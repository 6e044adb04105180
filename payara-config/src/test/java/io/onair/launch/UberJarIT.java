package io.onair.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.launch.PortalClient.Answer;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Payara Micro uber jar as an operator runs it: one {@code java -jar}, its database given in
 * the environment.
 */
class UberJarIT {

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void theUberJarServesThePortalWithTheAdapterOnAnExternalDatabase() throws Exception {
    Path dir = Path.of(ItSettings.required("onair.it.dir"), "uber-jar");
    EmbeddedDatabaseSession.deleteRecursively(dir);
    int httpPort = freePort();
    try (EmbeddedDatabase database = EmbeddedDatabase.start(dir.resolve("postgres"))) {
      ProcessBuilder builder =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-jar",
                  ItSettings.distribution().resolve("onair-micro.jar").toString(),
                  "--nocluster",
                  "--port",
                  String.valueOf(httpPort))
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("micro.log").toFile());
      builder.environment().keySet().removeIf(name -> name.startsWith("ONAIR_"));
      builder.environment().put("ONAIR_DB_URL", database.jdbcUrl());
      builder.environment().put("ONAIR_DB_USER", database.user());
      builder.environment().put("ONAIR_DB_PASSWORD", "unused-with-embedded-trust-auth");
      builder.environment().put("ONAIR_ADMIN_PASSWORD", "uber-admin-password");
      builder.environment().put("ONAIR_STORAGE_DIR", dir.resolve("storage").toString());
      Process micro = builder.start();
      try {
        PortalClient portal = new PortalClient(URI.create("http://127.0.0.1:" + httpPort + "/"));
        Answer ready = portal.awaitReady(Duration.ofMinutes(3));
        assertThat(ready.member("rtmp")).contains("UP");
        // Created by the uber jar's post-deploy commands, once its adapter is deployed.
        assertThat(ready.member("liveFeed")).contains("UP");
        assertThat(ready.member("database")).contains("UP");

        PortalClient admin = portal.as("admin", "uber-admin-password");
        assertThat(admin.post("api/channels", "{\"name\":\"uber\",\"title\":\"Uber\"}").status())
            .isEqualTo(201);
        assertThat(admin.get("api/channels/uber").member("title")).contains("Uber");
      } finally {
        micro.destroy();
        if (!micro.waitFor(60, TimeUnit.SECONDS)) {
          micro.destroyForcibly();
        }
      }
    }
  }
}
