package io.onair.launch;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through Debian's ChromeDriver: the browser the portal's
 * player is tested in. Both are named by their Debian paths, so Selenium Manager never looks for,
 * or downloads, a browser or driver of its own, and the driver is always the browser's version.
 */
final class Chromium implements AutoCloseable {

  private static final Path BROWSER = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  /**
   * Quiet about finding no DevTools classes for this Chromium's version: CDP commands go through
   * ChromeDriver's own endpoint, which needs none. Held here, as loggers are held weakly.
   */
  private static final Logger DEVTOOLS = Logger.getLogger("org.openqa.selenium.devtools");

  /**
   * Runs in every page before its own scripts: notes when a video first presents a picture, in
   * milliseconds since the page's navigation started. Listening on the window in the capture phase
   * sees the media events of every video, which do not bubble.
   */
  private static final String FIRST_FRAME_RECORDER =
      """
      addEventListener('loadeddata', (event) => {
        event.target.requestVideoFrameCallback(() => {
          window.onairFirstFrameMillis ??= performance.now();
        });
      }, true);
      """;

  private final ChromeDriver driver;

  private Chromium(ChromeDriver driver) {
    this.driver = driver;
  }

  /** Starts a fresh headless browser, with an empty profile, its driver logging to {@code log}. */
  static Chromium start(Path log) {
    DEVTOOLS.setLevel(Level.SEVERE);
    for (Path program : new Path[] {BROWSER, DRIVER}) {
      if (!Files.isExecutable(program)) {
        throw new IllegalStateException(
            program
                + " is missing: run the tests with ./test.sh, which installs it, or apt-get install"
                + " chromium chromium-driver");
      }
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    // --no-sandbox: the tests may run as root, where Chromium's sandbox refuses to start.
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,800");
    // Players start by themselves, as after a click, and make no sound.
    options.addArguments("--autoplay-policy=no-user-gesture-required", "--mute-audio");
    // The machine reaches no network but loopback: no updates, sync or other calls home.
    options.addArguments(
        "--disable-background-networking", "--disable-component-update", "--disable-sync");
    options.addArguments("--no-first-run");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .withLogFile(log.toFile())
            .build();
    Chromium chromium = new Chromium(new ChromeDriver(service, options));
    chromium.driver.executeCdpCommand(
        "Page.addScriptToEvaluateOnNewDocument", Map.of("source", FIRST_FRAME_RECORDER));
    return chromium;
  }

  /**
   * Signs in with HTTP Basic on every request from now on, the pages' and their scripts' alike, as
   * a person's browser does after its sign-in prompt, which a headless browser cannot answer.
   */
  void signIn(String user, String password) {
    String credentials =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    driver.executeCdpCommand("Network.enable", Map.of());
    driver.executeCdpCommand(
        "Network.setExtraHTTPHeaders",
        Map.of("headers", Map.of("Authorization", "Basic " + credentials)));
  }

  void open(URI page) {
    driver.get(page.toString());
  }

  /** The value of {@code script}'s return statement in the open page. */
  Object evaluate(String script) {
    return driver.executeScript(script);
  }

  /** Saves what the page shows now as a PNG picture. */
  void screenshot(Path png) throws IOException {
    Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
  }

  @Override
  public void close() {
    driver.quit();
  }
}
