package io.onair.launch;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The launcher's configuration. Each setting is a system property ({@code -Donair.http.port=8081})
 * or the environment variable of the same name in upper case with dots as underscores ({@code
 * ONAIR_HTTP_PORT=8081}): the naming MicroProfile Config uses inside the application too.
 */
record LaunchSettings(
    Path home,
    String bindAddress,
    int httpPort,
    int rtmpPort,
    int rtmpsPort,
    Optional<String> databaseUrl,
    String databaseUser,
    String databasePassword,
    Optional<Path> rtmpsKeystore,
    String rtmpsKeystorePassword,
    int readyTimeoutSeconds) {

  static LaunchSettings from(Properties system, Map<String, String> environment) {
    Lookup lookup = new Lookup(system, environment);
    return new LaunchSettings(
        Path.of(lookup.get("onair.home").orElse("onair-data")).toAbsolutePath().normalize(),
        lookup.get("onair.bind.address").orElse("0.0.0.0"),
        lookup.port("onair.http.port", 8080),
        lookup.port("onair.rtmp.port", 1935),
        lookup.port("onair.rtmps.port", 1936),
        lookup.get("onair.db.url"),
        lookup.get("onair.db.user").orElse("onair"),
        lookup.get("onair.db.password").orElse("unused-with-embedded-trust-auth"),
        lookup.get("onair.rtmps.keystore").map(Path::of),
        lookup.get("onair.rtmps.keystore.password").orElse(""),
        lookup.integer("onair.ready.timeout.seconds", 180));
  }

  /** Whether PostgreSQL runs embedded, under {@link #home()}, rather than externally. */
  boolean embeddedDatabase() {
    return databaseUrl.isEmpty();
  }

  private record Lookup(Properties system, Map<String, String> environment) {

    Optional<String> get(String name) {
      String value = system.getProperty(name);
      if (value == null) {
        value = environment.get(name.toUpperCase(java.util.Locale.ROOT).replace('.', '_'));
      }
      return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    int integer(String name, int fallback) {
      return get(name)
          .map(
              v -> {
                try {
                  return Integer.parseInt(v);
                } catch (NumberFormatException e) {
                  throw new IllegalArgumentException(name + " must be a number, was '" + v + "'");
                }
              })
          .orElse(fallback);
    }

    int port(String name, int fallback) {
      int port = integer(name, fallback);
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException(name + " must be a TCP port, was " + port);
      }
      return port;
    }
  }
}
