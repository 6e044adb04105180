package io.onair.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * A broadcast is transcoded by one ffmpeg into the channel's ladder: every rung is published beside
 * the source in the multivariant playlist and the MPD, at its size, with segments that start where
 * the source's do; an ffmpeg that falls behind is skipped ahead to a key frame, one killed or
 * stalled mid-broadcast is started again and its rungs come back; and no ffmpeg outlives its
 * broadcast.
 */
@ExtendWith(ArquillianExtension.class)
class TranscodingIT {

  private static final Pattern PID = Pattern.compile("\"pid\":(\\d+)");

  @Deployment(testable = false)
  static WebArchive portal() {
    return PortalDeployment.war();
  }

  @ArquillianResource private URL base;
  private PortalClient admin;
  private final Path logs = Path.of(ItSettings.required("onair.it.dir"), "transcoding");

  @BeforeEach
  void ready() throws Exception {
    PortalClient portal = new PortalClient(ItSettings.loopback(base));
    admin = portal.as("admin", ItSettings.adminPassword());
    portal.awaitReady(Duration.ofMinutes(3));
    Files.createDirectories(logs);
  }

  @Test
  void a720pBroadcastIsOfferedAt720p480pAnd360pWithAlignedSegmentsAndSurvivesAKilledFfmpeg()
      throws Exception {
    String key = issueKey("abr");
    Path publishLog = logs.resolve("publisher-720p.log");
    Process publisher = Ffmpeg.publish(rtmpUrl(key), "1280x720", 80, publishLog);
    try {
      transcodedAndRestarted(publisher, publishLog);
    } finally {
      endBroadcast(publisher, "abr");
    }
  }

  private void transcodedAndRestarted(Process publisher, Path publishLog) throws Exception {
    String presentation = awaitPresentation("live/abr/main.m3u8");
    String multivariant =
        admin.awaitText(presentation + "main.m3u8", "RESOLUTION=854x480", "RESOLUTION=640x360");
    Files.writeString(logs.resolve("abr-main.m3u8"), multivariant);
    assertThat(streamInf(multivariant, "source"))
        .contains("RESOLUTION=1280x720")
        .contains("CODECS=\"avc1.");
    // Rungs declare their configured rates: video (the VBV cap) plus the rung's 128 kbit/s audio.
    assertThat(streamInf(multivariant, "480p"))
        .contains("BANDWIDTH=1528000")
        .contains("RESOLUTION=854x480")
        .containsPattern("CODECS=\"avc1\\.64[0-9a-f]{4},mp4a\\.40\\.2\"")
        .contains("FRAME-RATE=25.000");
    assertThat(streamInf(multivariant, "360p"))
        .contains("BANDWIDTH=928000")
        .contains("RESOLUTION=640x360")
        .containsPattern("CODECS=\"avc1\\.4d[0-9a-f]{4},mp4a\\.40\\.2\"");
    assertThat(multivariant.indexOf("RESOLUTION=1280x720"))
        .as("largest first")
        .isLessThan(multivariant.indexOf("RESOLUTION=854x480"));
    assertThat(multivariant.indexOf("RESOLUTION=854x480"))
        .isLessThan(multivariant.indexOf("RESOLUTION=640x360"));

    String mpd = admin.text(presentation + "manifest.mpd");
    Files.writeString(logs.resolve("abr-manifest.mpd"), mpd);
    assertThat(mpd)
        .containsPattern("width=\"854\"\\s+height=\"480\"")
        .containsPattern("width=\"640\"\\s+height=\"360\"")
        .containsPattern("width=\"1280\"\\s+height=\"720\"")
        .contains("bandwidth=\"1400000\"")
        .contains("bandwidth=\"800000\"");

    assertABroadcastOverTheLimitPlaysItsSourceAndAdminsSeeWhy();

    assertThat(probedSize(presentation, "480p", 1)).isEqualTo("854x480");
    assertThat(probedSize(presentation, "360p", 1)).isEqualTo("640x360");
    assertThat(probedSize(presentation, "source", 1)).isEqualTo("1280x720");
    assertSegmentsStartTogether(presentation, List.of("source", "480p", "360p"));

    long killed = ffmpegPid("abr");
    long before = lastSegment(presentation, "480p");
    ProcessHandle.of(killed).orElseThrow().destroyForcibly();
    String restarted = awaitTranscodes("\"restarts\":1", "\"state\":\"RUNNING\"");
    long after = Long.parseLong(match(PID, restarted));
    assertThat(after).as("a new ffmpeg").isNotEqualTo(killed);
    assertThat(ProcessHandle.of(killed).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    long source = lastSegment(presentation, "source");
    awaitSegment(presentation, "480p", before + 3);
    awaitSegment(presentation, "360p", before + 3);
    assertThat(lastSegment(presentation, "source"))
        .as("the source played on while ffmpeg restarted")
        .isGreaterThan(source);
    System.out.printf(
        "TranscodingIT: ffmpeg %d killed after 480p segment %d; ffmpeg %d took over%n",
        killed, before, after);

    assertAnFfmpegBehindRealTimeSkipsToTheNextKeyFrame(presentation, after);
    long stalled = after;
    long beforeStall = lastSegment(presentation, "480p");
    signal("STOP", stalled);
    String replaced = awaitTranscodes("\"restarts\":2", "\"state\":\"RUNNING\"");
    after = Long.parseLong(match(PID, replaced));
    assertThat(after).as("a new ffmpeg").isNotEqualTo(stalled);
    assertThat(ProcessHandle.of(stalled).map(ProcessHandle::isAlive).orElse(false))
        .as("the stalled ffmpeg was killed by the server")
        .isFalse();
    awaitSegment(presentation, "480p", beforeStall + 2);
    System.out.printf(
        "TranscodingIT: ffmpeg %d stalled after 480p segment %d; ffmpeg %d took over%n",
        stalled, beforeStall, after);

    assertThat(publisher.waitFor(90, TimeUnit.SECONDS)).isTrue();
    assertThat(publisher.exitValue()).as("see %s", publishLog).isZero();
    admin.awaitText(presentation + "480p/video/index.m3u8", "#EXT-X-ENDLIST");
    admin.awaitText(presentation + "360p/video/index.m3u8", "#EXT-X-ENDLIST");
    assertThat(ProcessHandle.of(after).map(ProcessHandle::isAlive).orElse(false))
        .as("no ffmpeg outlives its broadcast")
        .isFalse();
    assertThat(ourFfmpegs()).as("no ffmpeg of ours is left").isEmpty();
    assertThat(admin.text("api/transcodes")).doesNotContain("\"channel\":\"abr\"");

    String id = presentation.split("/")[2];
    String replay =
        admin.awaitText(
            "replay/abr/" + id + "/main.m3u8", "RESOLUTION=854x480", "RESOLUTION=640x360");
    assertThat(replay.indexOf("RESOLUTION=1280x720"))
        .as("the replay offers the ladder too, largest first")
        .isLessThan(replay.indexOf("RESOLUTION=854x480"));
  }

  @Test
  void aSquareLadderMakesSquareRungsOfASquareSource() throws Exception {
    String key = issueKey("square");
    String ladder = "sq720:720x720@2000k;sq400:400x400@700k,profile=main";
    PortalClient.Answer set = admin.putText("api/channels/square/ladder", ladder);
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    Process publisher =
        Ffmpeg.publish(rtmpUrl(key), "1080x1080", 20, logs.resolve("publisher-square.log"));
    try {
      squareRungs(publisher);
    } finally {
      endBroadcast(publisher, "square");
    }
  }

  private void squareRungs(Process publisher) throws Exception {
    String presentation = awaitPresentation("live/square/main.m3u8");
    String multivariant =
        admin.awaitText(presentation + "main.m3u8", "RESOLUTION=720x720", "RESOLUTION=400x400");
    Files.writeString(logs.resolve("square-main.m3u8"), multivariant);
    assertThat(streamInf(multivariant, "source")).contains("RESOLUTION=1080x1080");
    assertThat(streamInf(multivariant, "sq720")).contains("BANDWIDTH=2128000");
    assertThat(streamInf(multivariant, "sq400"))
        .contains("BANDWIDTH=828000")
        .containsPattern("CODECS=\"avc1\\.4d[0-9a-f]{4},mp4a\\.40\\.2\"");
    assertThat(probedSize(presentation, "sq720", 1)).isEqualTo("720x720");
    assertThat(probedSize(presentation, "sq400", 1)).isEqualTo("400x400");
    assertSegmentsStartTogether(presentation, List.of("source", "sq720", "sq400"));

    assertThat(publisher.waitFor(60, TimeUnit.SECONDS)).isTrue();
    admin.awaitText(presentation + "sq400/video/index.m3u8", "#EXT-X-ENDLIST");
    assertThat(ourFfmpegs()).isEmpty();
  }

  /**
   * An ffmpeg that falls behind (here: stopped for 5 s, less than the 10 s stall timeout the pom
   * sets) is not waited for: the source's frames past 3 s of backlog are dropped up to the next key
   * frame, and once it runs again the rungs go on, from the same ffmpeg.
   */
  private void assertAnFfmpegBehindRealTimeSkipsToTheNextKeyFrame(String presentation, long pid)
      throws Exception {
    long before = lastSegment(presentation, "360p");
    signal("STOP", pid);
    Thread.sleep(5_000);
    signal("CONT", pid);
    awaitSegment(presentation, "360p", before + 2);
    String status = admin.text("api/transcodes");
    assertThat(Long.parseLong(match(Pattern.compile("\"droppedFrames\":(\\d+)"), status)))
        .as("frames skipped while ffmpeg was behind: %s", status)
        .isPositive();
    assertThat(status).contains("\"restarts\":1").contains("\"pid\":" + pid);
  }

  private void signal(String signal, long pid) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).as("kill -%s %d", signal, pid).isZero();
  }

  /**
   * The server transcodes one broadcast at a time here ({@code ONAIR_TRANSCODE_MAX_CONCURRENT=1} in
   * the pom): a second one plays its source alone, and the transcoding API says why.
   */
  private void assertABroadcastOverTheLimitPlaysItsSourceAndAdminsSeeWhy() throws Exception {
    String key = issueKey("abr-extra");
    Process extra = Ffmpeg.publish(rtmpUrl(key), "854x480", 8, logs.resolve("publisher-extra.log"));
    try {
      String transcodes = awaitTranscodes("\"channel\":\"abr-extra\"", "\"state\":\"SOURCE_ONLY\"");
      assertThat(transcodes).contains("onair.transcode.max-concurrent");
      String presentation = awaitPresentation("live/abr-extra/main.m3u8");
      assertThat(admin.text(presentation + "main.m3u8"))
          .contains("RESOLUTION=854x480")
          .doesNotContain("RESOLUTION=640x360");
      assertThat(new PortalClient(ItSettings.loopback(base)).get("api/transcodes").status())
          .as("administrators only")
          .isEqualTo(401);
    } finally {
      endBroadcast(extra, "abr-extra");
    }
  }

  /**
   * Whatever the test's outcome, its broadcast ends and its transcoding with it, so the next test
   * has the server's transcoding slot.
   */
  private void endBroadcast(Process publisher, String channel) throws Exception {
    publisher.destroy();
    publisher.waitFor(30, TimeUnit.SECONDS);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (admin.text("api/transcodes").contains("\"channel\":\"" + channel + "\"")
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
    }
  }

  /**
   * Segment N of every rendition starts at the same presentation time, within one frame (40 ms at
   * 25 fps): ffprobe reads the first frame of each rendition's segment.
   */
  private void assertSegmentsStartTogether(String presentation, List<String> renditions)
      throws Exception {
    long number = 2;
    for (String rendition : renditions) {
      awaitSegment(presentation, rendition, number + 1);
    }
    Double first = null;
    for (String rendition : renditions) {
      double start = firstFrameTime(presentation, rendition, number);
      System.out.printf(
          "TranscodingIT: segment %d of %s starts at %.3f s%n", number, rendition, start);
      if (first == null) {
        first = start;
      }
      assertThat(Math.abs(start - first))
          .as("segment %d of %s against the source's", number, rendition)
          .isLessThanOrEqualTo(0.040);
    }
  }

  /** The picture size ffprobe finds in a rendition's init segment and segment {@code number}. */
  private String probedSize(String presentation, String rendition, long number) throws Exception {
    awaitSegment(presentation, rendition, number);
    Path file = download(presentation, rendition, number);
    return probe(file, "stream=width,height", "-select_streams", "v:0").replace(',', 'x');
  }

  private double firstFrameTime(String presentation, String rendition, long number)
      throws Exception {
    Path file = download(presentation, rendition, number);
    String pts = probe(file, "frame=pts_time", "-select_streams", "v:0", "-read_intervals", "%+#1");
    return Double.parseDouble(pts.lines().findFirst().orElseThrow());
  }

  /** The rendition's video init segment followed by segment {@code number}, as one file. */
  private Path download(String presentation, String rendition, long number) throws Exception {
    String video = presentation + rendition + "/video/";
    byte[] init = bytes(admin.fetch(video + "init.mp4"));
    byte[] segment = bytes(admin.fetch(video + number + ".m4s"));
    Path file = logs.resolve(rendition + "-" + number + ".mp4");
    Files.write(file, init);
    Files.write(file, segment, java.nio.file.StandardOpenOption.APPEND);
    return file;
  }

  private String probe(Path file, String entries, String... options) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(ClientProgram.onPath("ffprobe", "ffmpeg"), "-v", "error"));
    command.addAll(List.of(options));
    command.addAll(List.of("-show_entries", entries, "-of", "csv=p=0", file.toString()));
    Path log = logs.resolve(file.getFileName() + ".probe");
    Process ffprobe =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(ffprobe.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(ffprobe.exitValue()).as("ffprobe; see %s", log).isZero();
    return Files.readString(log).strip();
  }

  /** The pid of the channel's ffmpeg, as administrators see it. */
  private long ffmpegPid(String channel) throws Exception {
    String body = awaitTranscodes("\"channel\":\"" + channel + "\"", "\"state\":\"RUNNING\"");
    return Long.parseLong(match(PID, body));
  }

  private String awaitTranscodes(String... expected) throws Exception {
    return admin.awaitText("api/transcodes", expected);
  }

  /** ffmpeg processes of this server: the ones reading FLV on stdin and writing to our sockets. */
  private static List<ProcessHandle> ourFfmpegs() {
    return ProcessHandle.allProcesses()
        .filter(
            p -> {
              String line = String.join(" ", p.info().arguments().orElse(new String[0]));
              return p.info().command().orElse("").endsWith("ffmpeg")
                  && line.contains("pipe:0")
                  && line.contains("/onair-");
            })
        .toList();
  }

  private long lastSegment(String presentation, String rendition) throws Exception {
    return MediaPlaylists.lastSegment(admin.text(presentation + rendition + "/video/index.m3u8"));
  }

  private void awaitSegment(String presentation, String rendition, long number) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (lastSegment(presentation, rendition) < number) {
      assertThat(Instant.now()).as("segment %d of %s", number, rendition).isBefore(deadline);
      Thread.sleep(200);
    }
  }

  private String issueKey(String channel) throws Exception {
    return admin.channelWithKey(channel);
  }

  private static String rtmpUrl(String key) {
    return "rtmp://127.0.0.1:" + ItSettings.required("onair.it.rtmp.port") + "/live/" + key;
  }

  /** The multivariant playlist's EXT-X-STREAM-INF line of a rendition. */
  private static String streamInf(String multivariant, String rendition) {
    List<String> lines = multivariant.lines().toList();
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (lines.get(i + 1).startsWith(rendition + "/")) {
        return lines.get(i);
      }
    }
    throw new AssertionError("no rendition " + rendition + " in\n" + multivariant);
  }

  private String awaitPresentation(String entry) throws Exception {
    return admin.awaitPresentation(entry);
  }

  private static String match(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    assertThat(matcher.find()).as("%s in %s", pattern, text).isTrue();
    return matcher.group(1);
  }

  private static byte[] bytes(HttpResponse<byte[]> answer) {
    assertThat(answer.statusCode()).as(answer.uri().toString()).isEqualTo(200);
    return answer.body();
  }
}
