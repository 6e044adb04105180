package io.onair.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.launch.PortalClient.Answer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real encoders against the whole stack on Payara Micro: ffmpeg and GStreamer's rtmp2sink publish
 * over RTMP; the adapter asks the message-driven bean inside a Work; the bean checks the stream key
 * in PostgreSQL and starts a broadcast; the end of the publish ends it.
 */
@ExtendWith(ArquillianExtension.class)
class RtmpIngestIT {

  @Deployment(testable = false)
  static WebArchive portal() {
    return PortalDeployment.war();
  }

  @ArquillianResource private URL base;
  private PortalClient admin;
  private final Path logs = Path.of(ItSettings.required("onair.it.dir"), "rtmp-clients");

  @BeforeEach
  void ready() throws Exception {
    PortalClient portal = new PortalClient(ItSettings.loopback(base));
    admin = portal.as("admin", ItSettings.adminPassword());
    portal.awaitReady(Duration.ofMinutes(3));
    Files.createDirectories(logs);
  }

  private static String rtmpUrl(String key) {
    return "rtmp://127.0.0.1:" + ItSettings.required("onair.it.rtmp.port") + "/live/" + key;
  }

  private String issueKey(String channel) throws Exception {
    assertThat(
            admin.post("api/channels", "{\"name\":\"" + channel + "\",\"title\":\"T\"}").status())
        .isEqualTo(201);
    return admin.post("api/channels/" + channel + "/keys", null).member("key").orElseThrow();
  }

  /** The id of the channel's first listed key. */
  private String firstKeyId(String channel) throws Exception {
    return admin
        .get("api/channels/" + channel + "/keys")
        .body()
        .replaceAll("(?s).*\"id\":(\\d+).*", "$1");
  }

  private static String broadcastStates(String channel) throws Exception {
    try (Connection c = DriverManager.getConnection(ItSettings.databaseUrl(), "postgres", "");
        PreparedStatement q =
            c.prepareStatement(
                "select string_agg(b.state, ',' order by b.id) from broadcast b"
                    + " join channel ch on ch.id = b.channel_id where ch.name = ?")) {
      q.setString(1, channel);
      try (ResultSet row = q.executeQuery()) {
        row.next();
        return String.valueOf(row.getString(1));
      }
    }
  }

  /** Polls until {@code expected} or 30 s; the bound only guards against a hang. */
  private static String awaitStates(String channel, String expected) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    String states = broadcastStates(channel);
    while (!states.equals(expected) && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      states = broadcastStates(channel);
    }
    return states;
  }

  @Test
  void ffmpegPublishingWithAValidKeyGoesLiveAndItsEndEndsTheBroadcast() throws Exception {
    String key = issueKey("ingest-ok");
    Path log = logs.resolve("valid-key.log");
    Process ffmpeg = Ffmpeg.publish(rtmpUrl(key), 6, log);

    assertThat(awaitStates("ingest-ok", "LIVE"))
        .as("while publishing; see %s", log)
        .isEqualTo("LIVE");
    assertThat(admin.get("api/channels/ingest-ok").body()).contains("\"live\":true");

    assertThat(ffmpeg.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(ffmpeg.exitValue()).as("ffmpeg's exit; see %s", log).isZero();
    assertThat(awaitStates("ingest-ok", "ENDED")).isEqualTo("ENDED");
    // ffmpeg sent its whole input: 6 s at 25 fps.
    assertThat(Files.readString(log)).contains("frame=  150");
    assertTheBroadcastWasRecorded("ingest-ok");
    assertTheReplayPlaysOverHls("ingest-ok");
  }

  /** ffmpeg plays the ended broadcast's HLS replay from the portal and decodes all of it. */
  private void assertTheReplayPlaysOverHls(String channel) throws Exception {
    String id =
        query(
            "select b.id from broadcast b join channel ch on ch.id = b.channel_id"
                + " where ch.name = ?",
            channel)[0];
    String playlist = "replay/" + channel + "/" + id + "/main.m3u8";
    assertThat(admin.get("api/channels/" + channel + "/replays").body())
        .as("the channel's replays say where to play them")
        .contains("\"broadcastId\":" + id)
        .contains("\"hls\":\"" + playlist + "\"");
    assertThat(new PortalClient(ItSettings.loopback(base)).get(playlist).status())
        .as("signed-in people only")
        .isEqualTo(401);
    PortalClient.Answer answer = admin.get(playlist);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).contains("#EXT-X-STREAM-INF:").contains("CODECS=\"avc1.");

    Path log = logs.resolve("replay-" + channel + ".log");
    String url = ItSettings.loopback(base).resolve(playlist).toString();
    Process player = Players.ffmpegHttp(url, "admin", ItSettings.adminPassword(), log);
    assertThat(player.waitFor(60, TimeUnit.SECONDS)).as("see %s", log).isTrue();
    String output = Files.readString(log);
    assertThat(player.exitValue()).as("ffmpeg plays the replay; see %s", log).isZero();
    assertThat(output).containsPattern("Video: h264").contains("Audio: aac");
    assertThat(output).containsPattern("frame=\\s*1[45]\\d");
  }

  /**
   * The packaging job recorded the broadcast as CMAF: 6 s with a key frame every 2 s make three
   * video and three audio segments, indexed once their files were complete, and an init segment
   * followed by a segment decodes in ffmpeg.
   */
  private void assertTheBroadcastWasRecorded(String channel) throws Exception {
    String counts = "";
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!counts.equals("AUDIO=3,VIDEO=3") && Instant.now().isBefore(deadline)) {
      Thread.sleep(250); // the index is written in batches, off the media path
      counts = recordedSegments(channel);
    }
    assertThat(counts).isEqualTo("AUDIO=3,VIDEO=3");

    Path storage = Path.of(ItSettings.required("onair.it.storage.dir"));
    String[] paths = firstVideoFiles(channel);
    Path playable = logs.resolve("recorded-" + channel + ".mp4");
    Files.write(playable, Files.readAllBytes(storage.resolve(paths[0])));
    Files.write(playable, Files.readAllBytes(storage.resolve(paths[1])), StandardOpenOption.APPEND);
    Path decodeLog = logs.resolve("recorded-" + channel + "-decode.log");
    Process decode = Players.decode(playable, decodeLog);
    assertThat(decode.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(decode.exitValue()).as("the recording decodes; see %s", decodeLog).isZero();
  }

  private static String recordedSegments(String channel) throws Exception {
    return query(
        "select string_agg(kind || '=' || n, ',' order by kind) from (select t.kind, count(*) n"
            + " from recorded_segment s join recorded_track t on t.id = s.track_id"
            + " join broadcast b on b.id = t.broadcast_id join channel ch on ch.id = b.channel_id"
            + " where ch.name = ? group by t.kind) k",
        channel)[0];
  }

  /** The init segment's path and the first video segment's, relative to the storage root. */
  private static String[] firstVideoFiles(String channel) throws Exception {
    return query(
        "select t.init_path, s.path from recorded_segment s join recorded_track t"
            + " on t.id = s.track_id join broadcast b on b.id = t.broadcast_id"
            + " join channel ch on ch.id = b.channel_id where ch.name = ? and t.kind = 'VIDEO'"
            + " order by s.sequence_number limit 1",
        channel);
  }

  private static String[] query(String sql, String parameter) throws Exception {
    try (Connection c = DriverManager.getConnection(ItSettings.databaseUrl(), "postgres", "");
        PreparedStatement q = c.prepareStatement(sql)) {
      q.setString(1, parameter);
      try (ResultSet row = q.executeQuery()) {
        if (!row.next()) {
          return new String[] {"", ""};
        }
        String[] columns = new String[row.getMetaData().getColumnCount()];
        for (int i = 0; i < columns.length; i++) {
          columns[i] = String.valueOf(row.getString(i + 1));
        }
        return columns;
      }
    }
  }

  /**
   * The media plane into the EJBs: the admin endpoint's stateless bean looks up jca/onair/live,
   * gets a connection from Payara's pool, subscribes to the channel on the adapter's live hub and
   * reads the start of the feed ffmpeg publishes.
   */
  @Test
  void anAdministratorSeesWhatALiveChannelsFeedCarriesThroughTheAdaptersLiveFeeds()
      throws Exception {
    String key = issueKey("ingest-feed");
    assertThat(admin.get("api/channels/ingest-feed/live-feed").body()).contains("\"live\":false");
    Path log = logs.resolve("live-feed.log");
    Process ffmpeg = Ffmpeg.publish(rtmpUrl(key), 30, log);
    try {
      assertThat(awaitStates("ingest-feed", "LIVE")).as("see %s", log).isEqualTo("LIVE");
      Answer feed = awaitFeedWithAudio("ingest-feed");
      assertThat(feed.status()).as(feed.body()).isEqualTo(200);
      // x264's profile and level depend on its preset; the rest is what Ffmpeg.publish asks for.
      assertThat(feed.body())
          .contains("\"live\":true")
          .containsPattern("\"codec\":\"avc1\\.[0-9a-f]{6}\"")
          .contains("\"width\":640", "\"height\":360", "\"frameRate\":25.0")
          .contains("\"codec\":\"mp4a.40.2\"", "\"sampleRate\":48000", "\"channels\":1");
      assertThat(feed.member("encoder")).get().asString().startsWith("Lavf");
    } finally {
      ffmpeg.destroy();
      ffmpeg.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /**
   * The channel's feed once it carries audio: the broadcast row says LIVE as soon as the publish is
   * accepted, a moment before ffmpeg's first frames reach the hub.
   */
  private Answer awaitFeedWithAudio(String channel) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    Answer feed = admin.get("api/channels/" + channel + "/live-feed");
    while (!feed.body().contains("mp4a") && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
      feed = admin.get("api/channels/" + channel + "/live-feed");
    }
    return feed;
  }

  @Test
  void gstreamerRtmp2sinkPublishingWithAValidKeyGoesLiveAndItsEndEndsTheBroadcast()
      throws Exception {
    String key = issueKey("ingest-gst");
    Path log = logs.resolve("gstreamer-valid-key.log");
    Process gst = GStreamer.publish(rtmpUrl(key), 6, log);
    try {
      assertThat(awaitStates("ingest-gst", "LIVE"))
          .as("while publishing; see %s", log)
          .isEqualTo("LIVE");
      assertThat(admin.get("api/channels/ingest-gst").body()).contains("\"live\":true");

      assertThat(gst.waitFor(60, TimeUnit.SECONDS)).as("gst-launch ended; see %s", log).isTrue();
      assertThat(gst.exitValue()).as("gst-launch's exit; see %s", log).isZero();
      assertThat(awaitStates("ingest-gst", "ENDED")).isEqualTo("ENDED");
    } finally {
      // Nothing once it has exited; after a failed assertion it must not outlive the test.
      gst.destroyForcibly();
    }
    String output = Files.readString(log);
    // The server's answer to publish as rtmp2sink reports it, and the end of stream reaching the
    // sink, which renders nothing before that answer: all 6 s went out after it.
    assertThat(output).contains("NetStream.Publish.Start").contains("Got EOS from element");
    // rtmp2sink reports a server's protocol slips only as debug warnings, which the run logs.
    assertThat(output).as("see %s", log).doesNotContain("WARN").doesNotContain("ERROR");
  }

  @Test
  void gstreamerIsToldWhyAnUnknownKeyIsRefused() throws Exception {
    issueKey("ingest-gst-refused");
    Path log = logs.resolve("gstreamer-unknown-key.log");
    Process gst = GStreamer.publish(rtmpUrl("sk_not-a-key-of-ours"), 3, log);

    assertThat(gst.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(gst.exitValue()).isNotZero();
    // rtmp2sink words every refusal as "publish denied; stream already exists", then quotes the
    // server's status: the code and our reason are what its user has to go on.
    assertThat(Files.readString(log))
        .contains("NetStream.Publish.BadName")
        .contains("stream key not accepted");
    assertThat(broadcastStates("ingest-gst-refused")).isEqualTo("null");
  }

  @Test
  void ffmpegPublishesOverRtmpsWithTheSelfSignedCertificate() throws Exception {
    String key = issueKey("ingest-tls");
    Path log = logs.resolve("rtmps.log");
    String url = "rtmps://127.0.0.1:" + ItSettings.required("onair.it.rtmps.port") + "/live/" + key;
    Process ffmpeg = Ffmpeg.publish(url, 4, log);
    assertThat(awaitStates("ingest-tls", "LIVE")).as("see %s", log).isEqualTo("LIVE");
    assertThat(ffmpeg.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(ffmpeg.exitValue()).as("see %s", log).isZero();
    assertThat(awaitStates("ingest-tls", "ENDED")).isEqualTo("ENDED");
  }

  @Test
  void aTruncatedHandshakeIsClosedByTheHandshakeTimeout() throws Exception {
    int port = Integer.parseInt(ItSettings.required("onair.it.rtmp.port"));
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      // C0 and a third of C1, then nothing: a client that stalled or never meant to finish.
      socket.getOutputStream().write(3);
      socket.getOutputStream().write(new byte[512]);
      socket.getOutputStream().flush();
      // The adapter's default handshake timeout is 10 s; 60 s only guards against a hang.
      socket.setSoTimeout(60_000);
      int read;
      try {
        read = socket.getInputStream().read();
      } catch (java.io.IOException reset) {
        read = -1;
      }
      assertThat(read).as("the server closed the connection").isEqualTo(-1);
    }
  }

  @Test
  void anUnknownKeyIsRefusedWithAReasonAndNoBroadcastStarts() throws Exception {
    issueKey("ingest-refused");
    Path log = logs.resolve("unknown-key.log");
    Process ffmpeg = Ffmpeg.publish(rtmpUrl("sk_not-a-key-of-ours"), 3, log);

    assertThat(ffmpeg.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(ffmpeg.exitValue()).isNotZero();
    assertThat(Files.readString(log)).contains("stream key not accepted");
    assertThat(broadcastStates("ingest-refused")).isEqualTo("null");
  }

  @Test
  void revokingTheKeyOfALivePublisherDisconnectsItAndEndsTheBroadcast() throws Exception {
    String key = issueKey("ingest-cut");
    Path log = logs.resolve("revoked-while-live.log");
    Process ffmpeg = Ffmpeg.publish(rtmpUrl(key), 120, log);
    assertThat(awaitStates("ingest-cut", "LIVE")).as("see %s", log).isEqualTo("LIVE");

    String id = firstKeyId("ingest-cut");
    assertThat(admin.post("api/keys/" + id + "/revoke", null).status()).isEqualTo(200);

    // Long before its 120 s of input run out, ffmpeg loses the server.
    assertThat(ffmpeg.waitFor(60, TimeUnit.SECONDS)).as("ffmpeg cut off; see %s", log).isTrue();
    assertThat(ffmpeg.exitValue()).isNotZero();
    assertThat(awaitStates("ingest-cut", "ENDED")).isEqualTo("ENDED");
  }

  @Test
  void anEncoderReconnectingWithItsKeyTakesItsLiveBroadcastOver() throws Exception {
    String key = issueKey("ingest-takeover");
    Path firstLog = logs.resolve("takeover-first.log");
    Process first = Ffmpeg.publish(rtmpUrl(key), 120, firstLog);
    assertThat(awaitStates("ingest-takeover", "LIVE")).as("see %s", firstLog).isEqualTo("LIVE");

    Path secondLog = logs.resolve("takeover-second.log");
    Process second = Ffmpeg.publish(rtmpUrl(key), 8, secondLog);
    assertThat(first.waitFor(60, TimeUnit.SECONDS)).as("the stale publisher is cut off").isTrue();
    assertThat(broadcastStates("ingest-takeover")).as("one broadcast goes on").isEqualTo("LIVE");

    assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(second.exitValue()).as("see %s", secondLog).isZero();
    assertThat(awaitStates("ingest-takeover", "ENDED")).isEqualTo("ENDED");
  }

  @Test
  void aSecondKeyOfALiveChannelIsRefused() throws Exception {
    String key = issueKey("ingest-busy");
    String other = admin.post("api/channels/ingest-busy/keys", null).member("key").orElseThrow();
    Process first = Ffmpeg.publish(rtmpUrl(key), 120, logs.resolve("busy-first.log"));
    try {
      assertThat(awaitStates("ingest-busy", "LIVE")).isEqualTo("LIVE");
      Path log = logs.resolve("busy-second.log");
      Process second = Ffmpeg.publish(rtmpUrl(other), 3, log);
      assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(second.exitValue()).isNotZero();
      assertThat(Files.readString(log)).contains("channel is already live");
      assertThat(first.isAlive()).as("the live publisher is undisturbed").isTrue();
    } finally {
      first.destroy();
      first.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aRevokedKeyIsRefused() throws Exception {
    String key = issueKey("ingest-revoked");
    String id = firstKeyId("ingest-revoked");
    assertThat(admin.post("api/keys/" + id + "/revoke", null).status()).isEqualTo(200);
    Path log = logs.resolve("revoked-key.log");
    Process ffmpeg = Ffmpeg.publish(rtmpUrl(key), 3, log);

    assertThat(ffmpeg.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(ffmpeg.exitValue()).isNotZero();
    assertThat(Files.readString(log)).contains("stream key not accepted");
  }
}
