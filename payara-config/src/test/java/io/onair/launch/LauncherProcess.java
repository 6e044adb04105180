package io.onair.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's run command as a user runs it: the launcher jar in a process of its own, with its
 * embedded PostgreSQL, its output copied to a log file. It is stopped with SIGINT as Ctrl-C stops
 * it, or killed as a crash kills it.
 *
 * <p>The processes it runs: Payara Micro is the launcher's child. PostgreSQL is not: pg_ctl starts
 * the server and exits, so the server is re-parented to init and never appears among the launcher's
 * descendants. It is found by the {@code postmaster.pid} file in its data directory, and only if
 * that process runs on this home's data directory.
 */
final class LauncherProcess {

  /** The loopback ports one launcher listens on; RTMPS is on the port after RTMP's. */
  record Ports(int http, int rtmp) {}

  private static final Pattern DATABASE_PORT =
      Pattern.compile("Embedded PostgreSQL on 127\\.0\\.0\\.1:(\\d+)");

  private final Process process;
  private final Path home;
  private final CountDownLatch banner = new CountDownLatch(1);
  private final CompletableFuture<String> databasePort = new CompletableFuture<>();

  private LauncherProcess(Process process, Path home) {
    this.process = process;
    // As the launcher makes it, so that PostgreSQL's command line names it the same way.
    this.home = home.toAbsolutePath().normalize();
  }

  /**
   * Starts the launcher on {@code home}, nothing of our environment's ONAIR_ settings passed on.
   */
  static LauncherProcess start(Path home, Ports ports, String adminPassword, Path log)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                ItSettings.distribution().resolve("onair-launcher.jar").toString())
            .redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("ONAIR_"));
    builder.environment().put("ONAIR_HOME", home.toString());
    builder.environment().put("ONAIR_HTTP_PORT", String.valueOf(ports.http()));
    builder.environment().put("ONAIR_RTMP_PORT", String.valueOf(ports.rtmp()));
    builder.environment().put("ONAIR_RTMPS_PORT", String.valueOf(ports.rtmp() + 1));
    builder.environment().put("ONAIR_BIND_ADDRESS", "127.0.0.1");
    builder.environment().put("ONAIR_ADMIN_PASSWORD", adminPassword);
    LauncherProcess launcher = new LauncherProcess(builder.start(), home);
    launcher.copyOutput(log);
    return launcher;
  }

  /** Copies the output to {@code log}, noting the database's port and the ready banner. */
  private void copyOutput(Path log) {
    Thread pump =
        new Thread(
            () -> {
              try (BufferedReader out =
                      new BufferedReader(
                          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                  var file = Files.newBufferedWriter(log)) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  file.write(line);
                  file.newLine();
                  file.flush();
                  Matcher port = DATABASE_PORT.matcher(line);
                  if (port.find()) {
                    databasePort.complete(port.group(1));
                  }
                  if (line.contains("OnAir is ready.")) {
                    banner.countDown();
                  }
                }
              } catch (IOException e) {
                // the process ended
              }
            },
            "launcher-output");
    pump.setDaemon(true);
    pump.start();
  }

  /** Whether the ready banner was printed within {@code timeout}; it only guards against a hang. */
  boolean awaitBanner(Duration timeout) throws InterruptedException {
    return banner.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The JDBC URL of the embedded database, on the port the launcher logged. */
  String databaseUrl() throws Exception {
    return "jdbc:postgresql://127.0.0.1:" + databasePort.get(0, TimeUnit.SECONDS) + "/onair";
  }

  /** Sends SIGINT, as Ctrl-C does, and checks that nothing the launcher started is left. */
  void interrupt() throws Exception {
    List<ProcessHandle> children = process.descendants().toList();
    assertThat(children).as("Payara Micro runs as a child").isNotEmpty();
    List<ProcessHandle> postgres = postgres();
    assertThat(postgres).as("PostgreSQL runs on %s", home).isNotEmpty();
    new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("launcher exits after SIGINT").isTrue();
    List<ProcessHandle> all = new ArrayList<>(children);
    all.addAll(postgres);
    for (ProcessHandle child : all) {
      child.onExit().get(30, TimeUnit.SECONDS);
      assertThat(child.isAlive()).as("process %s stopped", child.pid()).isFalse();
    }
  }

  /**
   * Kills every process of the running service at once with SIGKILL, as a power cut does, or the
   * kernel or a supervisor killing the service's whole process group (the OOM killer, systemd's
   * final SIGKILL, {@code docker kill}): no shutdown hook runs, Payara's queued index entries are
   * lost, and so are PostgreSQL's last commits (the embedded server commits asynchronously, and the
   * commits still in its shared memory die with it). Killing Payara alone is the milder case: the
   * launcher then stops the database cleanly on its way out.
   *
   * <p>The launcher goes first, so that it cannot react to Payara's death by stopping the database;
   * PostgreSQL's server before its backends, so that it does not restart them.
   */
  void crash() throws Exception {
    List<ProcessHandle> payara =
        process.descendants().filter(p -> commandLine(p).contains("payara-micro.jar")).toList();
    assertThat(payara).as("the Payara Micro JVM among the launcher's children").hasSize(1);
    List<ProcessHandle> postgres = postgres();
    assertThat(postgres).as("PostgreSQL runs on %s", home).isNotEmpty();
    List<ProcessHandle> all = new ArrayList<>();
    all.add(process.toHandle());
    all.addAll(payara);
    all.addAll(postgres);
    all.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle killed : all) {
      killed.onExit().get(30, TimeUnit.SECONDS);
    }
  }

  /** After a test, whatever it left running: SIGKILL to each, nothing else touched. */
  void killLeftovers() {
    List<ProcessHandle> postgres = postgres();
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    postgres.forEach(ProcessHandle::destroyForcibly);
  }

  /**
   * The PostgreSQL server running on this home's data directory and its backends, server first;
   * empty if none runs. The pid file may be stale after a crash, so the process it names counts
   * only if it runs on this data directory.
   */
  private List<ProcessHandle> postgres() {
    Path data = home.resolve("postgres");
    Optional<ProcessHandle> server;
    try {
      String pid = Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip();
      server =
          ProcessHandle.of(Long.parseLong(pid)).filter(p -> commandLine(p).contains("-D " + data));
    } catch (IOException | RuntimeException none) {
      return List.of();
    }
    List<ProcessHandle> processes = new ArrayList<>();
    server.ifPresent(
        s -> {
          processes.add(s);
          s.descendants().forEach(processes::add);
        });
    return processes;
  }

  private static String commandLine(ProcessHandle process) {
    return process.info().commandLine().orElse("");
  }
}
