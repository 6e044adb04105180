package io.onair.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ffmpeg publishes over RTMP; the portal serves the broadcast live as LL-HLS and DASH from the live
 * window, holds blocking requests until what they ask for exists, and ends the presentation when
 * the publisher stops, after which players decode all of it.
 */
@ExtendWith(ArquillianExtension.class)
class LiveDeliveryIT {

  private static final int SECONDS = 24;

  @Deployment(testable = false)
  static WebArchive portal() {
    return PortalDeployment.war();
  }

  @ArquillianResource private URL base;
  private PortalClient admin;
  private final Path logs = Path.of(ItSettings.required("onair.it.dir"), "live-delivery");

  @BeforeEach
  void ready() throws Exception {
    PortalClient portal = new PortalClient(ItSettings.loopback(base));
    admin = portal.as("admin", ItSettings.adminPassword());
    portal.awaitReady(Duration.ofMinutes(3));
    Files.createDirectories(logs);
  }

  private String issueKey(String channel) throws Exception {
    return admin.channelWithKey(channel);
  }

  private static String rtmpUrl(String key) {
    return "rtmp://127.0.0.1:" + ItSettings.required("onair.it.rtmp.port") + "/live/" + key;
  }

  @Test
  void aLiveBroadcastIsServedAsLowLatencyHlsAndDashAndEndsAsAWholeThatDecodes() throws Exception {
    String key = issueKey("live-hls");
    Path publishLog = logs.resolve("publisher.log");
    Instant publishing = Instant.now();
    Process ffmpeg = Ffmpeg.publish(rtmpUrl(key), SECONDS, publishLog);

    String presentation = awaitPresentation("live/live-hls/main.m3u8");
    System.out.printf(
        "LiveDeliveryIT: publish to first multivariant playlist: %d ms%n",
        Duration.between(publishing, Instant.now()).toMillis());
    assertThat(presentation).matches("live/live-hls/[1-9][0-9]*/");
    String multivariant = admin.text(presentation + "main.m3u8");
    assertThat(multivariant)
        .contains("#EXT-X-STREAM-INF:")
        .contains("CODECS=\"avc1.")
        .contains("RESOLUTION=640x360")
        .contains("source/video/index.m3u8")
        .contains("URI=\"source/audio/index.m3u8\"");
    assertThat(new PortalClient(ItSettings.loopback(base)).get(presentation + "main.m3u8").status())
        .as("signed-in people only")
        .isEqualTo(401);

    String video = presentation + "source/video/";
    String playlist = admin.text(video + "index.m3u8");
    Files.writeString(logs.resolve("first-video-playlist.m3u8"), playlist);
    assertThat(playlist)
        .contains("#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=")
        .contains("#EXT-X-PART-INF:PART-TARGET=")
        .contains("#EXT-X-MAP:URI=\"init.mp4\"")
        .contains("#EXT-X-PART:DURATION=")
        .contains("#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"")
        .contains("#EXT-X-PROGRAM-DATE-TIME:")
        .doesNotContain("#EXT-X-ENDLIST");

    assertTheHintedPartIsAnsweredOnceItExists(video, playlist);
    assertNewSegmentsAreListedWithinTheirDurationAndHalfASecond(video);
    assertPartsAreListedAsTheyAreMade(video);

    String mpd = admin.text(presentation + "manifest.mpd");
    assertThat(mpd)
        .contains("type=\"dynamic\"")
        .contains("availabilityStartTime=")
        .contains("timeShiftBufferDepth=\"PT2M\"")
        .contains("<SegmentTimeline>")
        .contains("<UTCTiming schemeIdUri=\"urn:mpeg:dash:utc:http-iso:2014\"");
    assertTheWholeBroadcastIsOfferedFromTheStart();
    assertManifestsAreCompressedForClientsThatAcceptGzip(presentation);

    assertThat(ffmpeg.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(ffmpeg.exitValue()).as("see %s", publishLog).isZero();
    assertThat(admin.awaitText(video + "index.m3u8", "#EXT-X-ENDLIST"))
        .as("the end of the broadcast ends the playlist")
        .doesNotContain("#EXT-X-PART:")
        .doesNotContain("#EXT-X-PRELOAD-HINT");
    assertThat(admin.text(presentation + "manifest.mpd"))
        .contains("type=\"static\"")
        .contains("mediaPresentationDuration=")
        .doesNotContain("minimumUpdatePeriod");

    int frames = SECONDS * 25;
    assertDecodes(presentation + "main.m3u8", "hls", frames);
    assertDecodes(presentation + "manifest.mpd", "dash", frames);
  }

  @Test
  void aChannelThatIsNotLiveHasNoLivePresentation() throws Exception {
    issueKey("live-quiet");
    assertThat(admin.fetch("live/live-quiet/main.m3u8").statusCode()).isEqualTo(404);
    assertThat(admin.fetch("live/live-quiet/manifest.mpd").statusCode()).isEqualTo(404);
    assertThat(admin.fetch("live/nobody/main.m3u8").statusCode()).isEqualTo(404);
  }

  private String awaitPresentation(String entry) throws Exception {
    return admin.awaitPresentation(entry);
  }

  private String relative(String location) {
    return admin.relative(location);
  }

  /**
   * The part the preload hint names does not exist when the playlist is read; its request is held
   * until the packager makes it, then answered with a CMAF chunk.
   */
  private void assertTheHintedPartIsAnsweredOnceItExists(String video, String playlist)
      throws Exception {
    Matcher hint = Pattern.compile("PRELOAD-HINT:TYPE=PART,URI=\"([^\"]+)\"").matcher(playlist);
    assertThat(hint.find()).isTrue();
    long asked = System.nanoTime();
    HttpResponse<byte[]> part = admin.fetch(video + hint.group(1));
    System.out.printf(
        "LiveDeliveryIT: hinted part %s answered after %d ms%n",
        hint.group(1), (System.nanoTime() - asked) / 1_000_000);
    assertThat(part.statusCode()).isEqualTo(200);
    assertThat(part.headers().firstValue("Content-Type")).contains("video/mp4");
    assertThat(part.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(c -> assertThat(c).contains("immutable"));
    String boxes = new String(part.body(), 4, 4, StandardCharsets.ISO_8859_1);
    assertThat(boxes).isIn("styp", "moof");
  }

  /**
   * Blocking reloads ({@code _HLS_msn}) return when the next segment is complete. Each segment's
   * last frame arrived at its program date-time plus its duration (the publisher sends in real time
   * and media time 0 is when its first frame arrived); it must be listed within its duration plus
   * 0.5 s of that.
   */
  private void assertNewSegmentsAreListedWithinTheirDurationAndHalfASecond(String video)
      throws Exception {
    List<Long> delays = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      long next = MediaPlaylists.lastSegment(admin.text(video + "index.m3u8")) + 1;
      HttpResponse<byte[]> answer = admin.fetch(video + "index.m3u8?_HLS_msn=" + next);
      Instant listed = Instant.now();
      assertThat(answer.statusCode()).isEqualTo(200);
      String playlist = PortalClient.body(answer);
      assertThat(MediaPlaylists.lastSegment(playlist)).isGreaterThanOrEqualTo(next);
      SegmentLine segment = segmentLine(playlist, next);
      Instant lastFrame = segment.start().plusMillis(segment.durationMillis());
      long delay = Duration.between(lastFrame, listed).toMillis();
      delays.add(delay);
      assertThat(delay)
          .as("segment %d listed %d ms after its last frame", next, delay)
          .isLessThanOrEqualTo(segment.durationMillis() + 500);
    }
    System.out.printf("LiveDeliveryIT: segment listed after its last frame (ms): %s%n", delays);
  }

  /** Blocking reloads on the next part return with that part listed. */
  private void assertPartsAreListedAsTheyAreMade(String video) throws Exception {
    List<Long> delays = new ArrayList<>();
    for (int round = 0; round < 4; round++) {
      String playlist = admin.text(video + "index.m3u8");
      Matcher hint = Pattern.compile("URI=\"(\\d+)\\.(\\d+)\\.m4s\"\\n\\z").matcher(playlist);
      assertThat(hint.find()).as(playlist).isTrue();
      String msn = hint.group(1);
      String part = hint.group(2);
      long asked = System.nanoTime();
      String answer = admin.text(video + "index.m3u8?_HLS_msn=" + msn + "&_HLS_part=" + part);
      delays.add((System.nanoTime() - asked) / 1_000_000);
      assertThat(answer).contains("URI=\"" + msn + "." + part + ".m4s\"");
    }
    System.out.printf("LiveDeliveryIT: blocking reload for the next part held (ms): %s%n", delays);
  }

  /** {@code ?from=start} reaches the media playlists, which list the broadcast from segment 0. */
  private void assertTheWholeBroadcastIsOfferedFromTheStart() throws Exception {
    String presentation = awaitPresentation("live/live-hls/main.m3u8?from=start");
    HttpResponse<byte[]> entry = admin.fetch("live/live-hls/main.m3u8?from=start");
    assertThat(entry.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/main.m3u8?from=start"));
    String multivariant = admin.text(presentation + "main.m3u8?from=start");
    assertThat(multivariant).contains("source/video/index.m3u8?from=start\n");
    String playlist = admin.text(presentation + "source/video/index.m3u8?from=start");
    assertThat(playlist)
        .contains("#EXT-X-PLAYLIST-TYPE:EVENT")
        .contains("#EXT-X-MEDIA-SEQUENCE:0")
        .contains("\n0.m4s\n");
    assertThat(admin.text(presentation + "manifest.mpd?from=start"))
        .contains("type=\"dynamic\"")
        .doesNotContain("timeShiftBufferDepth");
  }

  private void assertManifestsAreCompressedForClientsThatAcceptGzip(String presentation)
      throws Exception {
    String path = presentation + "source/video/index.m3u8?from=start";
    HttpResponse<byte[]> plain = admin.fetch(path);
    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(plain.body().length).as("big enough to compress").isGreaterThan(1024);
    HttpResponse<byte[]> compressed = admin.fetch(path, "Accept-Encoding", "gzip");
    assertThat(compressed.headers().firstValue("Content-Encoding")).contains("gzip");
    assertThat(compressed.headers().allValues("Vary")).anyMatch(v -> v.contains("Accept-Encoding"));
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed.body()))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).startsWith("#EXTM3U\n");
    }
    assertThat(compressed.body().length).isLessThan(plain.body().length);
  }

  /** ffmpeg reads the ended presentation over HTTP and decodes every frame without an error. */
  private void assertDecodes(String manifest, String name, int frames) throws Exception {
    Path log = logs.resolve("decode-" + name + ".log");
    String url = ItSettings.loopback(base).resolve(manifest).toString();
    Process player = Players.ffmpegHttp(url, "admin", ItSettings.adminPassword(), log);
    assertThat(player.waitFor(90, TimeUnit.SECONDS)).as("see %s", log).isTrue();
    assertThat(player.exitValue())
        .as("ffmpeg decodes the %s presentation; see %s", name, log)
        .isZero();
    String output = Files.readString(log);
    assertThat(output).contains("Video: h264").contains("Audio: aac");
    Matcher decoded = Pattern.compile("frame=\\s*(\\d+)").matcher(output);
    int last = 0;
    while (decoded.find()) {
      last = Integer.parseInt(decoded.group(1));
    }
    assertThat(last).as("frames of %s; see %s", name, log).isBetween(frames - 25, frames);
  }

  /** A segment's program date-time and EXTINF, as its playlist lists them. */
  private record SegmentLine(Instant start, long durationMillis) {}

  private static SegmentLine segmentLine(String playlist, long number) {
    Matcher entry =
        Pattern.compile(
                "#EXT-X-PROGRAM-DATE-TIME:(\\S+)\\n(?:#EXT-X-PART:[^\\n]*\\n)*#EXTINF:([0-9.]+),\\n"
                    + number
                    + "\\.m4s\\n")
            .matcher(playlist);
    assertThat(entry.find()).as("segment %d in%n%s", number, playlist).isTrue();
    return new SegmentLine(
        Instant.parse(entry.group(1)), Math.round(Double.parseDouble(entry.group(2)) * 1000));
  }
}
