package io.onair.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.launch.PortalClient.Answer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's run command as a user runs it: the launcher jar in a process of its own, with its
 * embedded PostgreSQL, stopped with SIGINT as Ctrl-C stops it, and started again on the same data.
 */
class LauncherIT {

  private static final LauncherProcess.Ports PORTS = new LauncherProcess.Ports(28080, 21945);
  private static final String ADMIN_PASSWORD = "launcher-admin-password";

  private LauncherProcess launcher;

  @AfterEach
  void killLeftovers() {
    if (launcher != null) {
      launcher.killLeftovers();
    }
  }

  @Test
  void theRunCommandServesThePortalAndRtmpAndKeepsDataAcrossARestart() throws Exception {
    Path home = Path.of(ItSettings.required("onair.it.dir"), "launcher-home");
    EmbeddedDatabaseSession.deleteRecursively(home);
    PortalClient portal = new PortalClient(URI.create("http://127.0.0.1:" + PORTS.http() + "/"));
    PortalClient admin = portal.as("admin", ADMIN_PASSWORD);

    long started = System.nanoTime();
    launcher =
        LauncherProcess.start(home, PORTS, ADMIN_PASSWORD, home.resolveSibling("launcher-1.log"));
    assertThat(launcher.awaitBanner(Duration.ofMinutes(5))).as("ready banner printed").isTrue();
    System.out.printf(
        "LauncherIT: first start, boot to ready: %.1f s%n", (System.nanoTime() - started) / 1e9);

    Answer ready = portal.awaitReady(Duration.ofSeconds(30));
    assertThat(ready.member("rtmp")).contains("UP");
    assertThat(portal.get("").status()).isEqualTo(200);
    try (Socket rtmp = new Socket()) {
      rtmp.connect(new InetSocketAddress("127.0.0.1", PORTS.rtmp()), 5_000);
    }
    assertThat(
            admin.post("api/channels", "{\"name\":\"survivor\",\"title\":\"Survives\"}").status())
        .isEqualTo(201);
    launcher.interrupt();

    started = System.nanoTime();
    launcher =
        LauncherProcess.start(home, PORTS, ADMIN_PASSWORD, home.resolveSibling("launcher-2.log"));
    assertThat(launcher.awaitBanner(Duration.ofMinutes(5)))
        .as("ready banner printed again")
        .isTrue();
    System.out.printf(
        "LauncherIT: restart on existing data, boot to ready: %.1f s%n",
        (System.nanoTime() - started) / 1e9);
    assertThat(admin.get("api/channels/survivor").member("title")).contains("Survives");
    launcher.interrupt();
  }
}
