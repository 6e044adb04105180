package io.onair.launch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * {@code java -jar onair-launcher.jar}: PostgreSQL, then Payara Micro with the adapter and the
 * portal, in the foreground until Ctrl-C. Payara Micro runs as a child process so that the database
 * outlives it and is stopped only after Payara has shut down.
 */
public final class Launcher {

  private static final Logger LOG = Logger.getLogger(Launcher.class.getName());

  private Launcher() {}

  public static void main(String[] args) throws Exception {
    System.setProperty(
        "java.util.logging.SimpleFormatter.format", "%1$tT %4$s [launcher] %5$s%6$s%n");
    LaunchSettings settings = LaunchSettings.from(System.getProperties(), System.getenv());
    Distribution distribution = Distribution.besideLauncher();
    Files.createDirectories(settings.home());

    EmbeddedDatabase database = null;
    String url;
    String user;
    if (settings.embeddedDatabase()) {
      database = EmbeddedDatabase.start(settings.home().resolve("postgres"));
      url = database.jdbcUrl();
      user = database.user();
      LOG.info(
          "Embedded PostgreSQL on 127.0.0.1:"
              + database.port()
              + ", data in "
              + settings.home().resolve("postgres"));
    } else {
      url = settings.databaseUrl().orElseThrow();
      user = settings.databaseUser();
      LOG.info("Using the PostgreSQL database at " + url);
    }

    RtmpsKeystore keystore = RtmpsKeystore.configuredOrSelfSigned(settings);
    Process micro = startMicro(settings, distribution, url, user, keystore);
    EmbeddedDatabase startedDatabase = database;
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> stop(micro, startedDatabase), "onair-shutdown"));

    if (awaitReady(settings, micro)) {
      printBanner(settings);
    }
    int exit = micro.waitFor();
    if (exit != 0) {
      LOG.severe("Payara Micro exited with status " + exit);
    }
    System.exit(exit);
  }

  private static Process startMicro(
      LaunchSettings settings,
      Distribution distribution,
      String url,
      String user,
      RtmpsKeystore keystore)
      throws IOException {
    Path script =
        PostBootScript.write(
            settings.home().resolve("micro/postboot.asadmin"),
            Map.of(
                "RTMP_PORT", String.valueOf(settings.rtmpPort()),
                "RTMPS_PORT", String.valueOf(settings.rtmpsPort()),
                "BIND_ADDRESS", settings.bindAddress(),
                "KEYSTORE", keystore.path().toString(),
                "RAR", distribution.adapter().toString()),
            true);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Donair.storage.dir=" + settings.home().resolve("storage"));
    command.addAll(List.of("-jar", distribution.payaraMicro().toString()));
    command.addAll(List.of("--nocluster", "--name", "onair"));
    command.addAll(List.of("--port", String.valueOf(settings.httpPort())));
    command.addAll(List.of("--addlibs", distribution.jdbcDriver().toString()));
    command.addAll(List.of("--postbootcommandfile", script.toString()));
    command.addAll(List.of("--deploy", distribution.portal().toString()));
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    builder.environment().put("ONAIR_DB_URL", url);
    builder.environment().put("ONAIR_DB_USER", user);
    // The embedded server trusts loopback connections and ignores the password.
    builder.environment().put("ONAIR_DB_PASSWORD", settings.databasePassword());
    builder.environment().put("ONAIR_RTMPS_KEYSTORE_PASSWORD", keystore.password());
    return builder.start();
  }

  /**
   * Polls /health/ready until it answers 200 with the portal's own check in it, Payara exits, or
   * the timeout passes. A bare 200 is not enough: before the portal is deployed Payara has no check
   * to run and answers UP.
   */
  private static boolean awaitReady(LaunchSettings settings, Process micro)
      throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    String base = "http://127.0.0.1:" + settings.httpPort();
    URI ready = URI.create(base + "/health/ready");
    Instant deadline = Instant.now().plusSeconds(settings.readyTimeoutSeconds());
    while (micro.isAlive() && Instant.now().isBefore(deadline)) {
      // The health check runs as soon as CDI is up, a moment before Payara routes requests to
      // the portal: wait for both.
      Optional<String> health = get(http, ready);
      if (health.isPresent()
          && health.get().contains("\"onair\"")
          && get(http, URI.create(base + "/")).isPresent()) {
        return true;
      }
      TimeUnit.MILLISECONDS.sleep(250);
    }
    if (micro.isAlive()) {
      LOG.severe(
          "OnAir is not ready after "
              + settings.readyTimeoutSeconds()
              + " s; see "
              + ready
              + " for what is missing.");
    }
    return false;
  }

  /** The body of a 200 answer; empty for any other answer or none. */
  private static Optional<String> get(HttpClient http, URI uri) throws InterruptedException {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
    } catch (IOException notYet) {
      return Optional.empty();
    }
  }

  private static void printBanner(LaunchSettings settings) {
    String host = "localhost";
    System.out.printf(
        "%n  OnAir is ready.%n"
            + "    Portal:  http://%s:%d/%n"
            + "    OBS:     server rtmp://%s:%d/live   stream key: one issued to you%n"
            + "             or rtmps://%s:%d/live%n"
            + "    Data:    %s%n"
            + "  Ctrl-C stops it.%n%n",
        host,
        settings.httpPort(),
        host,
        settings.rtmpPort(),
        host,
        settings.rtmpsPort(),
        settings.home());
  }

  /** Stops Payara first (it may still be writing), then the database it writes to. */
  private static void stop(Process micro, EmbeddedDatabase database) {
    if (micro.isAlive()) {
      micro.destroy();
      try {
        if (!micro.waitFor(60, TimeUnit.SECONDS)) {
          LOG.warning("Payara Micro did not stop within 60 s; killing it.");
          micro.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (database != null) {
      try {
        database.close();
      } catch (IOException e) {
        LOG.warning("Embedded PostgreSQL did not stop cleanly: " + e);
      }
    }
  }
}
