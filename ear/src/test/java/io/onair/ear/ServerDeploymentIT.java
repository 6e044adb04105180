package io.onair.ear;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.launch.EmbeddedDatabase;
import io.onair.launch.EmbeddedDatabaseSession;
import io.onair.launch.Hashes;
import io.onair.launch.ItSettings;
import io.onair.launch.PortalClient;
import io.onair.launch.PortalClient.Answer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The EAR on Payara Server Full, set up the way the README tells an operator to: the shipped {@code
 * onair-domain.asadmin}, the adapter's ports as resource adapter configuration, then {@code asadmin
 * deploy}, then the shipped {@code onair-adapter-resources.asadmin} for the adapter inside the EAR.
 * Against a real PostgreSQL.
 */
class ServerDeploymentIT {

  private static final String ADMIN_PASSWORD = ItSettings.required("onair.it.admin.password");

  private static EmbeddedDatabase database;
  private static PayaraServerDomain server;
  private static PortalClient portal;
  private static PortalClient admin;

  @BeforeAll
  static void deployTheEarOnAFreshDomain() throws Exception {
    Path dir = Path.of(ItSettings.required("onair.it.dir"));
    Path data = dir.resolve("postgres");
    EmbeddedDatabaseSession.deleteRecursively(data);
    database =
        EmbeddedDatabase.start(data, Integer.parseInt(ItSettings.required("onair.it.db.port")));

    server =
        PayaraServerDomain.create(
            Path.of(ItSettings.required("onair.payara.home")),
            Integer.parseInt(ItSettings.required("onair.it.portbase")),
            dir.resolve("postgresql.jar"),
            Map.of(
                "ONAIR_DB_URL", database.jdbcUrl(),
                "ONAIR_DB_USER", database.user(),
                "ONAIR_DB_PASSWORD", "unused-with-embedded-trust-auth",
                "ONAIR_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "ONAIR_STORAGE_DIR", dir.resolve("storage").toString()),
            dir.resolve("asadmin.log"));
    server.start();
    // The shipped file as an operator edits it: only the adapter's ports changed, away from the
    // defaults, and its bind address kept to loopback.
    int rtmpPort = Integer.parseInt(ItSettings.required("onair.it.rtmp.port"));
    String shipped;
    try (InputStream in = EmbeddedDatabase.class.getResourceAsStream("onair-domain.asadmin")) {
      shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String edited =
        shipped.replace(
            "rtmpPort=1935:rtmpsPort=1936:bindAddress=0.0.0.0",
            "rtmpPort=" + rtmpPort + ":rtmpsPort=" + (rtmpPort + 1) + ":bindAddress=127.0.0.1");
    assertThat(edited).isNotEqualTo(shipped);
    Path commands = Files.writeString(dir.resolve("onair-domain.asadmin"), edited);
    server.admin("multimode", "--file", commands.toString());
    server.admin("deploy", "--name", "onair", ItSettings.required("onair.ear"));
    server.admin("multimode", "--file", shippedFile(dir, "onair-adapter-resources.asadmin"));

    portal = new PortalClient(URI.create("http://127.0.0.1:" + server.httpPort() + "/"));
    admin = portal.as("admin", ADMIN_PASSWORD);
    portal.awaitReady(Duration.ofMinutes(3));
  }

  /** A shipped command file, as it is, where asadmin can read it. */
  private static String shippedFile(Path dir, String name) throws Exception {
    try (InputStream in = EmbeddedDatabase.class.getResourceAsStream(name)) {
      return Files.write(dir.resolve(name), in.readAllBytes()).toString();
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (database != null) {
      database.close();
    }
  }

  private static Connection sql() throws Exception {
    return DriverManager.getConnection(database.jdbcUrl(), database.user(), "");
  }

  @Test
  void readinessIsUpWithTheEmbeddedAdapterTheDatabaseAndTheStorage() throws Exception {
    Answer ready = portal.get("health/ready");
    assertThat(ready.status()).as("%s; see %s", ready.body(), server.serverLog()).isEqualTo(200);
    assertThat(ready.member("rtmp")).contains("UP");
    assertThat(ready.member("liveFeed")).contains("UP");
    assertThat(ready.member("database")).contains("UP");
    assertThat(ready.member("storage")).contains("UP");
  }

  @Test
  void theLiveFeedsAreAConnectorResourceOfTheAdapterInsideTheEar() throws Exception {
    assertThat(server.admin("list-connector-resources")).contains("jca/onair/live");
    assertThat(
            server.admin(
                "get", "resources.connector-connection-pool.onair-live-pool.resource-adapter-name"))
        .contains("onair#onair-rtmp");
    Answer offAir = admin.get("api/channels/server-feed/live-feed");
    assertThat(offAir.status()).as("no such channel").isEqualTo(404);
    admin.post("api/channels", "{\"name\":\"server-feed\",\"title\":\"Feed\"}");
    Answer feed = admin.get("api/channels/server-feed/live-feed");
    assertThat(feed.status()).as(feed.body()).isEqualTo(200);
    assertThat(feed.body()).contains("\"live\":false");
  }

  @Test
  void theHomePageAnswers() throws Exception {
    assertThat(portal.get("").status()).isEqualTo(200);
  }

  @Test
  void theAdapterListensOnThePortOfItsResourceAdapterConfiguration() throws Exception {
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(
              "127.0.0.1", Integer.parseInt(ItSettings.required("onair.it.rtmp.port"))),
          5_000);
      assertThat(socket.isConnected()).isTrue();
    }
  }

  @Test
  void aChannelAndItsKeyMakeTheRoundTripThroughTheEjbsToPostgres() throws Exception {
    assertThat(admin.post("api/channels", "{\"name\":\"server-hall\",\"title\":\"Hall\"}").status())
        .isEqualTo(201);
    String key = admin.post("api/channels/server-hall/keys", null).member("key").orElseThrow();

    try (Connection c = sql();
        PreparedStatement q =
            c.prepareStatement(
                "select ch.title, k.key_hash from channel ch join stream_key k"
                    + " on k.channel_id = ch.id where ch.name = 'server-hall'");
        ResultSet row = q.executeQuery()) {
      assertThat(row.next()).isTrue();
      assertThat(row.getString("title")).isEqualTo("Hall");
      assertThat(row.getString("key_hash")).isEqualTo(Hashes.sha256Hex(key));
    }
    assertThat(admin.get("api/channels").body()).contains("\"server-hall\"");
  }

  @Test
  void theApiNeedsSigningIn() throws Exception {
    assertThat(portal.get("api/channels").status()).isEqualTo(401);
  }

  @Test
  void theApplicationIsDeployedAsOneEarWithItsThreeModules() throws Exception {
    String modules = server.admin("list-sub-components", "onair");
    assertThat(modules).contains("onair-rtmp.rar", "ejb-streaming.jar", "onair-portal.war");
  }
}
