package io.onair.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real players against the whole stack on Payara Micro: ffmpeg publishes a channel with its stream
 * key; ffmpeg and rtmpdump play the channel by name with a viewer token the portal issued (the
 * adapter asks the message-driven bean, which checks the token in PostgreSQL), over RTMP and RTMPS,
 * and what they receive decodes as H.264 and AAC.
 */
@ExtendWith(ArquillianExtension.class)
class RtmpPlaybackIT {

  private static final String CHANNEL = "playback";

  @Deployment(testable = false)
  static WebArchive portal() {
    return PortalDeployment.war();
  }

  @ArquillianResource private URL base;
  private PortalClient admin;
  private final Path logs = Path.of(ItSettings.required("onair.it.dir"), "playback");
  private Process publisher;
  private String token;

  @BeforeEach
  void publishing() throws Exception {
    PortalClient portal = new PortalClient(ItSettings.loopback(base));
    admin = portal.as("admin", ItSettings.adminPassword());
    portal.awaitReady(Duration.ofMinutes(3));
    Files.createDirectories(logs);
    token = admin.post("api/viewer-tokens", null).member("token").orElseThrow();
    if (admin.get("api/channels/" + CHANNEL).status() == 404) {
      admin.post("api/channels", "{\"name\":\"" + CHANNEL + "\",\"title\":\"Playback\"}");
    }
    String key = admin.post("api/channels/" + CHANNEL + "/keys", null).member("key").orElseThrow();
    Path log = logs.resolve("publisher.log");
    publisher = Ffmpeg.publish(url("rtmp", "live/" + key), 120, log);
    awaitLive(log);
  }

  @AfterEach
  void stopPublishing() throws Exception {
    publisher.destroy();
    publisher.waitFor(30, TimeUnit.SECONDS);
    // The next test's publish must not be taken for a takeover of this one's.
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (admin.get("api/channels/" + CHANNEL).body().contains("\"live\":true")
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
    }
  }

  private void awaitLive(Path log) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!admin.get("api/channels/" + CHANNEL).body().contains("\"live\":true")) {
      assertThat(Instant.now()).as("the channel goes live; see %s", log).isBefore(deadline);
      Thread.sleep(200);
    }
  }

  private static String url(String scheme, String path) {
    String port = ItSettings.required("onair.it." + scheme + ".port");
    return scheme + "://127.0.0.1:" + port + "/" + path;
  }

  private String playUrl(String scheme) {
    return url(scheme, "live/" + CHANNEL + "?token=" + token);
  }

  /** The last "frame=" count ffmpeg printed: how many pictures it decoded. */
  private static int decodedFrames(String log) {
    Matcher frames = Pattern.compile("frame=\\s*(\\d+)").matcher(log);
    int last = 0;
    while (frames.find()) {
      last = Integer.parseInt(frames.group(1));
    }
    return last;
  }

  @Test
  void ffmpegPlaysTheLiveChannelAndDecodesH264AndAac() throws Exception {
    Path log = logs.resolve("ffmpeg-player.log");
    Process player = Players.ffmpeg(playUrl("rtmp"), 4, log);

    assertThat(player.waitFor(60, TimeUnit.SECONDS)).as("see %s", log).isTrue();
    String output = Files.readString(log);
    assertThat(player.exitValue()).as("ffmpeg's exit; see %s", log).isZero();
    assertThat(output).containsPattern("Stream #0:\\d+: Video: h264").contains("Audio: aac");
    // 4 s of stream time at 25 fps, from the cached key frame on.
    assertThat(decodedFrames(output)).as("decoded pictures; see %s", log).isGreaterThan(90);
    assertThat(output).doesNotContain("non monoton").doesNotContain("Error while decoding");
  }

  @Test
  void rtmpdumpRecordsTheLiveChannelUntilTheBroadcastEndsAndTheRecordingDecodes() throws Exception {
    Path flv = logs.resolve("rtmpdump.flv");
    Path log = logs.resolve("rtmpdump.log");
    Files.deleteIfExists(flv);
    Process dump = Players.rtmpdump(playUrl("rtmp"), flv, log);
    // A few seconds of media, then the publisher stops: rtmpdump is told the stream ended.
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!(Files.exists(flv) && Files.size(flv) > 1_000_000)) {
      assertThat(Instant.now()).as("rtmpdump records; see %s", log).isBefore(deadline);
      assertThat(dump.isAlive()).as("rtmpdump plays; see %s", log).isTrue();
      Thread.sleep(200);
    }
    publisher.destroy();
    assertThat(dump.waitFor(60, TimeUnit.SECONDS)).as("see %s", log).isTrue();
    // rtmpdump left on its own when told the stream ended. It grades its recording against the
    // duration the encoder announced in onMetaData (ffmpeg's -t 120): 0 when it got all of it, 2
    // ("may be incomplete") when less; 1 would be an error.
    assertThat(dump.exitValue()).as("rtmpdump's exit; see %s", log).isIn(0, 2);

    Path probeLog = logs.resolve("rtmpdump-probe.log");
    Process probe = Players.probe(flv, probeLog);
    assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(probeLog))
        .contains("codec_name=h264|codec_type=video")
        .contains("codec_name=aac|codec_type=audio");

    Path decodeLog = logs.resolve("rtmpdump-decode.log");
    Process decode = Players.decode(flv, decodeLog);
    assertThat(decode.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(decode.exitValue()).as("every frame decodes; see %s", decodeLog).isZero();
  }

  @Test
  void ffmpegPlaysOverRtmps() throws Exception {
    Path log = logs.resolve("ffmpeg-rtmps-player.log");
    Process player = Players.ffmpeg(playUrl("rtmps"), 2, log);
    assertThat(player.waitFor(60, TimeUnit.SECONDS)).as("see %s", log).isTrue();
    assertThat(player.exitValue()).as("see %s", log).isZero();
    assertThat(Files.readString(log)).containsPattern("Stream #0:\\d+: Video: h264");
  }

  @Test
  void withoutAValidViewerTokenPlayIsRefused() throws Exception {
    Path log = logs.resolve("no-token.log");
    Process player = Players.ffmpeg(url("rtmp", "live/" + CHANNEL + "?token=vt_forged"), 2, log);
    assertThat(player.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(player.exitValue()).isNotZero();
    assertThat(Files.readString(log)).contains("a valid viewer token is required");
    assertThat(publisher.isAlive()).as("the publisher is undisturbed").isTrue();
  }

  @Test
  void theStreamKeyIsNotAPlayableName() throws Exception {
    String key = admin.post("api/channels/" + CHANNEL + "/keys", null).member("key").orElseThrow();
    Path log = logs.resolve("key-as-name.log");
    Process player = Players.ffmpeg(url("rtmp", "live/" + key + "?token=" + token), 2, log);
    assertThat(player.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(player.exitValue()).isNotZero();
    assertThat(Files.readString(log)).contains("no such channel");
  }

  @Test
  void aChannelNobodyPublishesIsNotFound() throws Exception {
    if (admin.get("api/channels/quiet").status() == 404) {
      admin.post("api/channels", "{\"name\":\"quiet\",\"title\":\"Quiet\"}");
    }
    Path log = logs.resolve("not-live.log");
    Process player = Players.ffmpeg(url("rtmp", "live/quiet?token=" + token), 2, log);
    assertThat(player.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(player.exitValue()).isNotZero();
    assertThat(Files.readString(log)).contains("quiet is not live");
  }
}
