package io.onair.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The portal's player in a real browser: headless Chromium signs in, opens watch.html and plays,
 * with the hls.js and dash.js the WAR serves, what ffmpeg published over RTMP. Each case is a page
 * URL for {@link #assertPlays}.
 */
@ExtendWith(ArquillianExtension.class)
class BrowserPlaybackIT {

  private static final String CHANNEL = "browser-replay";
  private static final String LIVE_CHANNEL = "browser-live";

  /** The publisher of the live channel: started by the first live test, stopped after the last. */
  private static Process livePublisher;

  /** The broadcast id of the replay the tests play: published once, by the first that needs it. */
  private static String replay;

  @Deployment(testable = false)
  static WebArchive portal() {
    return PortalDeployment.war();
  }

  @ArquillianResource private URL base;
  private PortalClient admin;
  private Chromium chromium;
  private final Path logs = Path.of(ItSettings.required("onair.it.dir"), "browser");

  @BeforeEach
  void ready() throws Exception {
    PortalClient portal = new PortalClient(ItSettings.loopback(base));
    admin = portal.as("admin", ItSettings.adminPassword());
    portal.awaitReady(Duration.ofMinutes(3));
    Files.createDirectories(logs);
    chromium = Chromium.start(logs.resolve("chromedriver.log"));
    chromium.signIn("admin", ItSettings.adminPassword());
  }

  @AfterEach
  void closeTheBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void debiansChromiumPlaysH264AndAacThroughMediaSource() {
    chromium.open(portalUrl(""));
    for (String type :
        List.of("video/mp4; codecs=\"avc1.64001f\"", "audio/mp4; codecs=\"mp4a.40.2\"")) {
      assertThat(chromium.evaluate("return MediaSource.isTypeSupported('" + type + "');"))
          .as("MediaSource.isTypeSupported('%s')", type)
          .isEqualTo(true);
    }
  }

  @Test
  void aReplayPlaysOverHls() throws Exception {
    assertPlays("watch.html?channel=" + CHANNEL + "&replay=" + replay() + "&format=hls");
  }

  @Test
  void aReplayPlaysOverDash() throws Exception {
    assertPlays("watch.html?channel=" + CHANNEL + "&replay=" + replay() + "&format=dash");
  }

  @Test
  void aLiveChannelPlaysOverLowLatencyHls() throws Exception {
    goLive();
    assertPlays("watch.html?channel=" + LIVE_CHANNEL + "&format=hls");
  }

  @Test
  void aLiveChannelPlaysOverDash() throws Exception {
    goLive();
    assertPlays("watch.html?channel=" + LIVE_CHANNEL + "&format=dash");
  }

  @Test
  void aLiveChannelPlaysFromItsBeginning() throws Exception {
    goLive();
    assertPlays("watch.html?channel=" + LIVE_CHANNEL + "&format=hls&from=start");
  }

  @AfterAll
  static void stopPublishing() {
    if (livePublisher != null) {
      livePublisher.destroyForcibly();
    }
  }

  /**
   * ffmpeg publishes to the live channel for long enough for every live test, which then wait until
   * its presentation is listed (the first segments exist).
   */
  private void goLive() throws Exception {
    if (livePublisher == null) {
      assertThat(
              admin
                  .post("api/channels", "{\"name\":\"" + LIVE_CHANNEL + "\",\"title\":\"T\"}")
                  .status())
          .isEqualTo(201);
      String key =
          admin.post("api/channels/" + LIVE_CHANNEL + "/keys", null).member("key").orElseThrow();
      String url = "rtmp://127.0.0.1:" + ItSettings.required("onair.it.rtmp.port") + "/live/" + key;
      livePublisher = Ffmpeg.publish(url, 240, logs.resolve("publish-live.log"));
    }
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!presentationListed()) {
      assertThat(livePublisher.isAlive()).as("the live publisher runs").isTrue();
      assertThat(Instant.now()).as("the channel is live").isBefore(deadline);
      Thread.sleep(100);
    }
    Thread.sleep(2_000); // a few segments, as a viewer joining a running broadcast finds
  }

  /** The channel's entry URL redirects to a presentation whose playlist exists. */
  private boolean presentationListed() throws Exception {
    HttpResponse<byte[]> entry = admin.fetch("live/" + LIVE_CHANNEL + "/main.m3u8");
    Optional<String> location = entry.headers().firstValue("Location");
    if (entry.statusCode() != 302 || location.isEmpty()) {
      return false;
    }
    String path = URI.create(location.get()).getRawPath();
    String portal = ItSettings.loopback(base).getPath();
    return admin.fetch(path.substring(portal.length())).statusCode() == 200;
  }

  @Test
  void aReplayThatDoesNotExistIsSaidNotToExist() throws Exception {
    chromium.open(portalUrl("watch.html?channel=" + CHANNEL + "&replay=999999&format=hls"));
    PlayerView view = await(PlayerView::showsError);
    chromium.screenshot(logs.resolve("replay-that-does-not-exist.png"));
    assertThat(view.error()).contains("this replay does not exist");
    assertThat(view.playedSeconds()).isZero();
  }

  /**
   * Opens {@code page} and waits until its video has played 2 s of media with no error shown, and
   * prints how long the first picture took to appear: a figure for the notes, not an assertion.
   * What the page showed then is left beside the logs, as a picture.
   */
  private void assertPlays(String page) throws Exception {
    chromium.open(portalUrl(page));
    PlayerView view = await(v -> v.showsError() || v.playedSeconds() > 2);
    chromium.screenshot(logs.resolve(page.replaceAll("[^a-z0-9]+", "-") + ".png"));
    assertThat(view.error()).as("the error %s shows", page).isNull();
    assertThat(view.playedSeconds()).as("seconds played on %s: %s", page, view).isGreaterThan(2);
    System.out.printf("Time to first frame, %s: %.0f ms%n", page, view.firstFrameMillis());
  }

  /**
   * Reads the page until it shows {@code wanted} and returns that view, or the last view after 60
   * s; the bound only guards against a hang, nothing here measures speed.
   */
  private PlayerView await(Predicate<PlayerView> wanted) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    PlayerView view = PlayerView.of(chromium);
    while (!wanted.test(view) && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      view = PlayerView.of(chromium);
    }
    return view;
  }

  private URI portalUrl(String page) {
    return ItSettings.loopback(base).resolve(page);
  }

  private String replay() throws Exception {
    if (replay == null) {
      replay = publishAReplay();
    }
    return replay;
  }

  /**
   * ffmpeg publishes 8 s of H.264 and AAC in real time; once the broadcast has ended, the channel
   * lists it among its replays. Returns its broadcast id.
   */
  private String publishAReplay() throws Exception {
    assertThat(
            admin.post("api/channels", "{\"name\":\"" + CHANNEL + "\",\"title\":\"T\"}").status())
        .isEqualTo(201);
    String key = admin.post("api/channels/" + CHANNEL + "/keys", null).member("key").orElseThrow();
    Path log = logs.resolve("publish.log");
    String url = "rtmp://127.0.0.1:" + ItSettings.required("onair.it.rtmp.port") + "/live/" + key;
    Process ffmpeg = Ffmpeg.publish(url, 8, log);
    assertThat(ffmpeg.waitFor(60, TimeUnit.SECONDS)).as("see %s", log).isTrue();
    assertThat(ffmpeg.exitValue()).as("ffmpeg's exit; see %s", log).isZero();

    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    Optional<String> listed = listedReplay();
    while (listed.isEmpty() && Instant.now().isBefore(deadline)) {
      Thread.sleep(250); // the broadcast ends a moment after ffmpeg does
      listed = listedReplay();
    }
    assertThat(listed).as("the channel lists its replay").isPresent();
    return listed.get();
  }

  private Optional<String> listedReplay() throws Exception {
    Matcher id =
        Pattern.compile("\"broadcastId\":(\\d+)")
            .matcher(admin.get("api/channels/" + CHANNEL + "/replays").body());
    return id.find() ? Optional.of(id.group(1)) : Optional.empty();
  }
}
