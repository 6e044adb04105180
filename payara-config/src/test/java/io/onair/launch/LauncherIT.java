package io.onair.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.launch.PortalClient.Answer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's run command as a user runs it: the launcher jar in a process of its own, with its
 * embedded PostgreSQL, stopped with SIGINT as Ctrl-C stops it, and started again on the same data.
 */
class LauncherIT {

  private static final int HTTP_PORT = 28080;
  private static final int RTMP_PORT = 21945;
  private static final String ADMIN_PASSWORD = "launcher-admin-password";

  private Process launcher;

  @AfterEach
  void killLeftovers() {
    if (launcher != null && launcher.isAlive()) {
      launcher.descendants().forEach(ProcessHandle::destroyForcibly);
      launcher.destroyForcibly();
    }
  }

  private Process start(Path home) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                ItSettings.distribution().resolve("onair-launcher.jar").toString())
            .redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("ONAIR_"));
    builder.environment().put("ONAIR_HOME", home.toString());
    builder.environment().put("ONAIR_HTTP_PORT", String.valueOf(HTTP_PORT));
    builder.environment().put("ONAIR_RTMP_PORT", String.valueOf(RTMP_PORT));
    builder.environment().put("ONAIR_RTMPS_PORT", String.valueOf(RTMP_PORT + 1));
    builder.environment().put("ONAIR_BIND_ADDRESS", "127.0.0.1");
    builder.environment().put("ONAIR_ADMIN_PASSWORD", ADMIN_PASSWORD);
    return builder.start();
  }

  /** Copies the launcher's output to ours and counts down when it prints its ready banner. */
  private static CountDownLatch watchForBanner(Process process, Path log) {
    CountDownLatch ready = new CountDownLatch(1);
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
                  if (line.contains("OnAir is ready.")) {
                    ready.countDown();
                  }
                }
              } catch (IOException e) {
                // the process ended
              }
            },
            "launcher-output");
    pump.setDaemon(true);
    pump.start();
    return ready;
  }

  /** Sends SIGINT, as Ctrl-C does, and checks that nothing the launcher started is left. */
  private static void interrupt(Process process) throws Exception {
    List<ProcessHandle> children = process.descendants().toList();
    assertThat(children).as("Payara Micro and PostgreSQL run as children").isNotEmpty();
    new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("launcher exits after SIGINT").isTrue();
    for (ProcessHandle child : children) {
      child.onExit().get(30, TimeUnit.SECONDS);
      assertThat(child.isAlive()).as("child %s stopped", child.pid()).isFalse();
    }
  }

  @Test
  void theRunCommandServesThePortalAndRtmpAndKeepsDataAcrossARestart() throws Exception {
    Path home = Path.of(ItSettings.required("onair.it.dir"), "launcher-home");
    EmbeddedDatabaseSession.deleteRecursively(home);
    PortalClient portal = new PortalClient(URI.create("http://127.0.0.1:" + HTTP_PORT + "/"));
    PortalClient admin = portal.as("admin", ADMIN_PASSWORD);

    long started = System.nanoTime();
    launcher = start(home);
    CountDownLatch banner = watchForBanner(launcher, home.resolveSibling("launcher-1.log"));
    assertThat(banner.await(5, TimeUnit.MINUTES)).as("ready banner printed").isTrue();
    System.out.printf(
        "LauncherIT: first start, boot to ready: %.1f s%n", (System.nanoTime() - started) / 1e9);

    Answer ready = portal.awaitReady(Duration.ofSeconds(30));
    assertThat(ready.member("rtmp")).contains("UP");
    assertThat(portal.get("").status()).isEqualTo(200);
    try (Socket rtmp = new Socket()) {
      rtmp.connect(new InetSocketAddress("127.0.0.1", RTMP_PORT), 5_000);
    }
    assertThat(
            admin.post("api/channels", "{\"name\":\"survivor\",\"title\":\"Survives\"}").status())
        .isEqualTo(201);
    interrupt(launcher);

    started = System.nanoTime();
    launcher = start(home);
    banner = watchForBanner(launcher, home.resolveSibling("launcher-2.log"));
    assertThat(banner.await(5, TimeUnit.MINUTES)).as("ready banner printed again").isTrue();
    System.out.printf(
        "LauncherIT: restart on existing data, boot to ready: %.1f s%n",
        (System.nanoTime() - started) / 1e9);
    assertThat(admin.get("api/channels/survivor").member("title")).contains("Survives");
    interrupt(launcher);
  }
}
