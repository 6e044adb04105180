package io.onair.ear;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Payara Server domain of the test's own, driven with asadmin as an operator drives one: created
 * with a port base away from the defaults, started with the environment the application reads,
 * stopped and deleted at the end.
 */
final class PayaraServerDomain implements AutoCloseable {

  private static final String DOMAIN = "onair-it";

  private final Path home;
  private final int portBase;
  private final Map<String, String> environment;
  private final Path log;

  private PayaraServerDomain(Path home, int portBase, Map<String, String> environment, Path log) {
    this.home = home;
    this.portBase = portBase;
    this.environment = environment;
    this.log = log;
  }

  /** Creates the domain afresh, with the PostgreSQL driver in its lib directory. */
  static PayaraServerDomain create(
      Path home, int portBase, Path jdbcDriver, Map<String, String> environment, Path log)
      throws IOException, InterruptedException {
    PayaraServerDomain domain = new PayaraServerDomain(home, portBase, environment, log);
    domain.asadminQuietly("stop-domain", DOMAIN);
    domain.asadminQuietly("delete-domain", DOMAIN);
    domain.asadmin(
        "--user",
        "admin",
        "create-domain",
        "--nopassword=true",
        "--portbase",
        String.valueOf(portBase),
        DOMAIN);
    Path lib = home.resolve("glassfish/domains/" + DOMAIN + "/lib");
    Files.createDirectories(lib);
    Files.copy(jdbcDriver, lib.resolve("postgresql.jar"), StandardCopyOption.REPLACE_EXISTING);
    return domain;
  }

  void start() throws IOException, InterruptedException {
    asadmin("start-domain", DOMAIN);
  }

  int httpPort() {
    return portBase + 80;
  }

  /** Runs an asadmin subcommand against this domain's admin port; fails on a non-zero exit. */
  String admin(String... subcommand) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("--port", String.valueOf(portBase + 48)));
    args.addAll(List.of(subcommand));
    return asadmin(args.toArray(String[]::new));
  }

  private String asadmin(String... args) throws IOException, InterruptedException {
    Result result = run(args);
    if (result.exit != 0) {
      throw new IllegalStateException(
          "asadmin " + String.join(" ", args) + " failed (" + result.exit + "):\n" + result.output);
    }
    return result.output;
  }

  private void asadminQuietly(String... args) throws IOException, InterruptedException {
    run(args);
  }

  private record Result(int exit, String output) {}

  private Result run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(home.resolve("bin/asadmin").toString()));
    command.add("--interactive=false");
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    builder.environment().put("AS_JAVA", System.getProperty("java.home"));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("asadmin " + String.join(" ", args) + " hung");
    }
    Files.writeString(
        log,
        "$ asadmin " + String.join(" ", args) + "\n" + output + "\n",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    return new Result(process.exitValue(), output);
  }

  /** Where the server writes its log, for a failing test to point at. */
  Path serverLog() {
    return home.resolve("glassfish/domains/" + DOMAIN + "/logs/server.log");
  }

  @Override
  public void close() throws IOException, InterruptedException {
    asadminQuietly("stop-domain", DOMAIN);
  }
}
