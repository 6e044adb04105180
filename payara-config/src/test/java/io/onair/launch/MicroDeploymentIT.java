package io.onair.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.launch.PortalClient.Answer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Payara Micro shape as the build produces it: the adapter deployed by the post-boot script,
 * then the portal WAR with the EJB module inside, against a real PostgreSQL.
 */
@ExtendWith(ArquillianExtension.class)
class MicroDeploymentIT {

  @Deployment(testable = false)
  static WebArchive portal() {
    return PortalDeployment.war();
  }

  @ArquillianResource private URL base;
  private PortalClient portal;
  private PortalClient admin;

  @BeforeEach
  void awaitReady() throws Exception {
    portal = new PortalClient(ItSettings.loopback(base));
    admin = portal.as("admin", ItSettings.adminPassword());
    portal.awaitReady(Duration.ofMinutes(3));
  }

  private static Connection database() throws Exception {
    return DriverManager.getConnection(ItSettings.databaseUrl(), "postgres", "");
  }

  @Test
  void readinessIsUpWithTheAdapterTheDatabaseAndTheStorage() throws Exception {
    Answer ready = portal.get("health/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.member("rtmp")).contains("UP");
    assertThat(ready.member("liveFeed")).contains("UP");
    assertThat(ready.member("database")).contains("UP");
    assertThat(ready.member("storage")).contains("UP");
  }

  @Test
  void theHomePageAnswersWithoutSigningIn() throws Exception {
    Answer home = portal.get("");
    assertThat(home.status()).isEqualTo(200);
    assertThat(home.body()).contains("<title>OnAir</title>");
  }

  @Test
  void theRtmpListenerAcceptsTcpConnections() throws Exception {
    int port = Integer.parseInt(ItSettings.required("onair.it.rtmp.port"));
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      assertThat(socket.isConnected()).isTrue();
    }
  }

  @Test
  void aChannelCreatedThroughTheApiIsARowInPostgres() throws Exception {
    Answer created =
        admin.post("api/channels", "{\"name\":\"micro-town-hall\",\"title\":\"Town hall\"}");
    assertThat(created.status()).isEqualTo(201);

    try (Connection c = database();
        PreparedStatement q =
            c.prepareStatement("select title, enabled from channel where name = ?")) {
      q.setString(1, "micro-town-hall");
      try (ResultSet row = q.executeQuery()) {
        assertThat(row.next()).isTrue();
        assertThat(row.getString("title")).isEqualTo("Town hall");
        assertThat(row.getBoolean("enabled")).isTrue();
      }
    }
  }

  @Test
  void aChannelWrittenToPostgresIsReadThroughTheApi() throws Exception {
    try (Connection c = database();
        PreparedStatement insert =
            c.prepareStatement(
                "insert into channel (name, title, enabled, created_at, version)"
                    + " values (?, ?, true, now(), 0)")) {
      insert.setString(1, "micro-from-sql");
      insert.setString(2, "Written with SQL");
      insert.executeUpdate();
    }
    Answer channel = admin.get("api/channels/micro-from-sql");
    assertThat(channel.status()).isEqualTo(200);
    assertThat(channel.member("title")).contains("Written with SQL");
  }

  @Test
  void aStreamKeyIsShownOnceAndStoredOnlyAsItsHash() throws Exception {
    admin.post("api/channels", "{\"name\":\"micro-keys\",\"title\":\"Keys\"}");
    Answer issued = admin.post("api/channels/micro-keys/keys", null);
    assertThat(issued.status()).isEqualTo(201);
    String key = issued.member("key").orElseThrow();
    assertThat(key).startsWith("sk_");

    Answer listed = admin.get("api/channels/micro-keys/keys");
    assertThat(listed.body()).doesNotContain(key).contains(key.substring(0, 7));
    try (Connection c = database();
        PreparedStatement q =
            c.prepareStatement(
                "select k.key_hash from stream_key k join channel ch on ch.id = k.channel_id"
                    + " where ch.name = 'micro-keys'")) {
      try (ResultSet row = q.executeQuery()) {
        assertThat(row.next()).isTrue();
        assertThat(row.getString(1)).isEqualTo(Hashes.sha256Hex(key));
      }
    }
  }

  @Test
  void theApiRefusesAnonymousCallersAndWrongPasswords() throws Exception {
    assertThat(portal.get("api/channels").status()).isEqualTo(401);
    assertThat(portal.as("admin", "not-the-password").get("api/channels").status()).isEqualTo(401);
  }

  /** An account written with SQL, as the identity store reads it. */
  private static void createAccount(String username, String password, String role)
      throws Exception {
    try (Connection c = database();
        PreparedStatement account =
            c.prepareStatement(
                "insert into account (username, password_hash, created_at) values (?, ?, now())"
                    + " returning id")) {
      account.setString(1, username);
      account.setString(2, Hashes.pbkdf2(password));
      try (ResultSet id = account.executeQuery()) {
        id.next();
        try (PreparedStatement roleRow =
            c.prepareStatement("insert into account_role (account_id, role) values (?, ?)")) {
          roleRow.setLong(1, id.getLong(1));
          roleRow.setString(2, role);
          roleRow.executeUpdate();
        }
      }
    }
  }

  @Test
  void aViewerMayListChannelsButNotCreateThem() throws Exception {
    createAccount("viewer-vic", "vic-password-123", "VIEWER");
    PortalClient viewer = portal.as("viewer-vic", "vic-password-123");
    assertThat(viewer.get("api/channels").status()).isEqualTo(200);
    Answer refused = viewer.post("api/channels", "{\"name\":\"vic-channel\",\"title\":\"No\"}");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(viewer.get("api/channels/micro-town-hall/live-feed").status()).isEqualTo(403);
  }

  @Test
  void badInputIsAClearClientError() throws Exception {
    Answer bad = admin.post("api/channels", "{\"name\":\"Not A Slug\",\"title\":\"x\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.member("error")).get().asString().contains("Not A Slug");
    admin.post("api/channels", "{\"name\":\"micro-twice\",\"title\":\"Once\"}");
    assertThat(
            admin.post("api/channels", "{\"name\":\"micro-twice\",\"title\":\"Twice\"}").status())
        .isEqualTo(409);
    assertThat(admin.get("api/channels/micro-none").status()).isEqualTo(404);
    assertThat(admin.post("api/keys/999999/revoke", null).status()).isEqualTo(404);
  }

  @Test
  void aViewerTokenNeedsSigningIn() throws Exception {
    assertThat(portal.post("api/viewer-tokens", null).status()).isEqualTo(401);
    assertThat(portal.as("admin", "not-the-password").post("api/viewer-tokens", null).status())
        .isEqualTo(401);
  }

  @Test
  void aViewerGetsATokenForTwelveHoursStoredOnlyAsItsHash() throws Exception {
    createAccount("viewer-tia", "tia-password-123", "VIEWER");
    Answer issued = portal.as("viewer-tia", "tia-password-123").post("api/viewer-tokens", null);
    assertThat(issued.status()).isEqualTo(201);
    String token = issued.member("token").orElseThrow();
    assertThat(token).matches("vt_[A-Za-z0-9_-]{43}");
    assertThat(issued.member("playUrlTemplate"))
        .contains(
            "rtmp://127.0.0.1:"
                + ItSettings.required("onair.it.rtmp.port")
                + "/live/{channel}?token="
                + token);

    try (Connection c = database();
        PreparedStatement q =
            c.prepareStatement(
                "select t.* from viewer_token t join account a on a.id = t.account_id"
                    + " where a.username = 'viewer-tia'");
        ResultSet row = q.executeQuery()) {
      assertThat(row.next()).isTrue();
      assertThat(row.getString("token_hash")).isEqualTo(Hashes.sha256Hex(token));
      for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
        assertThat(String.valueOf(row.getObject(i))).doesNotContain(token.substring(3));
      }
      Instant issuedAt = row.getTimestamp("issued_at").toInstant();
      Instant expiresAt = row.getTimestamp("expires_at").toInstant();
      assertThat(Duration.between(issuedAt, expiresAt)).isEqualTo(Duration.ofHours(12));
      assertThat(issued.member("expiresAt").map(Instant::parse)).contains(expiresAt);
      assertThat(row.next()).isFalse();
    }
  }

  @Test
  void anAdministratorGetsAViewerTokenToo() throws Exception {
    Answer issued = admin.post("api/viewer-tokens", null);
    assertThat(issued.status()).isEqualTo(201);
    assertThat(issued.member("token")).get().asString().startsWith("vt_");
  }

  /** The JSON object of the rung called {@code name} in a ladder answer (rungs hold no objects). */
  private static String rung(String body, String name) {
    Matcher m =
        Pattern.compile("\\{[^{}]*\"name\":\"" + Pattern.quote(name) + "\"[^{}]*}").matcher(body);
    assertThat(m.find()).as("rung " + name + " in " + body).isTrue();
    return m.group();
  }

  @Test
  void anAdministratorGivesAChannelASquareLadderAndTakesItBack() throws Exception {
    admin.post("api/channels", "{\"name\":\"micro-shop\",\"title\":\"Live shopping\"}");
    assertThat(admin.get("api/channels/micro-shop/ladder").body())
        .contains("\"source\":\"server\"", "\"ladder\":null", "\"rungs\":[]");

    Answer put =
        admin.putText(
            "api/channels/micro-shop/ladder",
            "square720:720x720@2000k;square400:400x400@700k,profile=main");
    assertThat(put.status()).isEqualTo(200);
    Answer got = admin.get("api/channels/micro-shop/ladder");
    assertThat(got.status()).isEqualTo(200);
    assertThat(got.body()).isEqualTo(put.body());
    assertThat(got.member("source")).contains("channel");
    assertThat(got.member("ladder"))
        .contains(
            "square720:720x720@2000k,fps=source,preset=veryfast,profile=high,audio=128k;"
                + "square400:400x400@700k,fps=source,preset=veryfast,profile=main,audio=128k");
    assertThat(rung(got.body(), "square720"))
        .contains("\"width\":720", "\"height\":720", "\"videoBitrate\":2000000")
        .contains("\"frameRate\":\"source\"", "\"profile\":\"high\"");
    assertThat(rung(got.body(), "square400"))
        .contains("\"width\":400", "\"height\":400", "\"videoBitrate\":700000")
        .contains("\"preset\":\"veryfast\"", "\"profile\":\"main\"")
        .contains("\"audioBitrate\":128000");

    Answer cleared = admin.delete("api/channels/micro-shop/ladder");
    assertThat(cleared.status()).isEqualTo(204);
    Answer after = admin.get("api/channels/micro-shop/ladder");
    assertThat(after.member("source")).contains("server");
    assertThat(after.body()).contains("\"ladder\":null");
  }

  @Test
  void anUnreadableLadderIsABadRequestNamingTheRung() throws Exception {
    admin.post("api/channels", "{\"name\":\"micro-typo\",\"title\":\"Typo\"}");
    Answer bad = admin.putText("api/channels/micro-typo/ladder", "720p:1280x720@3000;360p:oops");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.member("error"))
        .get()
        .asString()
        .startsWith("rung 1 '720p:1280x720@3000': ")
        .contains("'3000' needs a whole number and its unit");
    assertThat(admin.get("api/channels/micro-typo/ladder").member("source")).contains("server");
    assertThat(admin.putText("api/channels/micro-nowhere/ladder", "none").status()).isEqualTo(404);
    assertThat(admin.get("api/channels/micro-nowhere/ladder").status()).isEqualTo(404);
    assertThat(admin.delete("api/channels/micro-nowhere/ladder").status()).isEqualTo(404);
  }

  @Test
  void onlyAnAdministratorSeesOrChangesALadder() throws Exception {
    admin.post("api/channels", "{\"name\":\"micro-guarded\",\"title\":\"Guarded\"}");
    createAccount("broadcaster-bo", "bo-password-123", "BROADCASTER");
    createAccount("viewer-val", "val-password-123", "VIEWER");
    for (PortalClient other :
        new PortalClient[] {
          portal.as("broadcaster-bo", "bo-password-123"),
          portal.as("viewer-val", "val-password-123")
        }) {
      String path = "api/channels/micro-guarded/ladder";
      assertThat(other.putText(path, "square400:400x400@700k").status()).isEqualTo(403);
      assertThat(other.get(path).status()).isEqualTo(403);
      assertThat(other.delete(path).status()).isEqualTo(403);
    }
    assertThat(admin.get("api/channels/micro-guarded/ladder").member("source")).contains("server");
  }
}
