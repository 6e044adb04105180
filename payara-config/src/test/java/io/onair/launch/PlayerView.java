package io.onair.launch;

import java.util.Map;

/**
 * What the portal's watch.html shows at one moment: how much of its video has played, where it is,
 * the error message it shows if any, and when its first picture appeared (see {@link Chromium}).
 *
 * @param currentTime where the video is, in seconds of its timeline
 * @param playedSeconds the media time the video actually played through, whatever its timeline
 *     starts at
 * @param error the page's error message, or null while it shows none
 * @param firstFrameMillis milliseconds from the page's navigation to its first picture, or null
 *     before one
 */
record PlayerView(double currentTime, double playedSeconds, String error, Double firstFrameMillis) {

  private static final String READ =
      """
      const video = document.getElementById('player');
      const error = document.getElementById('error');
      if (!video || !error) {
        return null;
      }
      let played = 0;
      for (let i = 0; i < video.played.length; i++) {
        played += video.played.end(i) - video.played.start(i);
      }
      return {
        currentTime: video.currentTime,
        played: played,
        error: error.hidden ? null : error.textContent,
        firstFrameMillis: window.onairFirstFrameMillis ?? null
      };
      """;

  private static final PlayerView NOT_YET = new PlayerView(0, 0, null, null);

  static PlayerView of(Chromium browser) {
    if (!(browser.evaluate(READ) instanceof Map<?, ?> view)) {
      return NOT_YET; // the page is still loading
    }
    Object firstFrame = view.get("firstFrameMillis");
    return new PlayerView(
        ((Number) view.get("currentTime")).doubleValue(),
        ((Number) view.get("played")).doubleValue(),
        (String) view.get("error"),
        firstFrame == null ? null : ((Number) firstFrame).doubleValue());
  }

  boolean showsError() {
    return error != null;
  }
}
