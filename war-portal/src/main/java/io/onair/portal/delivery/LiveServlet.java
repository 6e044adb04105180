package io.onair.portal.delivery;

import io.onair.streaming.application.live.LiveWindows;
import io.onair.streaming.application.packaging.PackagingSettings;
import io.onair.streaming.infrastructure.storage.SegmentStore;
import io.onair.streaming.media.live.LiveWindow;
import io.onair.streaming.media.live.TrackWindow;
import io.onair.streaming.media.manifest.MediaPath;
import io.onair.streaming.media.manifest.Playback;
import io.onair.streaming.media.manifest.TrackRef;
import io.onair.streaming.media.manifest.TrackTimeline;
import io.onair.streaming.media.manifest.dash.MpdWriter;
import io.onair.streaming.media.manifest.hls.BlockingReload;
import io.onair.streaming.media.manifest.hls.MediaPlaylist;
import io.onair.streaming.media.manifest.hls.MultivariantPlaylist;
import io.onair.streaming.media.manifest.hls.ReloadDecision;
import io.onair.streaming.media.manifest.hls.RenditionReport;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * Live broadcasts as LL-HLS and DASH, from the channel's live window in memory: no database read
 * per request.
 *
 * <pre>
 * /live/&lt;channel&gt;/main.m3u8, /live/&lt;channel&gt;/manifest.mpd
 *     302 to the same file of the channel's current broadcast:
 * /live/&lt;channel&gt;/&lt;broadcast id&gt;/main.m3u8 | manifest.mpd | &lt;track&gt;/index.m3u8 | init.mp4 | N.m4s | N.P.m4s
 * </pre>
 *
 * The broadcast id in every URL a player fetches makes each of them name one thing forever, so a
 * segment can be cached as immutable although the channel's next broadcast counts from 0 again.
 * {@code ?from=start} on a manifest asks for the whole broadcast instead of the live window (HLS
 * EVENT playlists, DASH without timeShiftBufferDepth).
 *
 * <p>Requests for what is about to exist are held without a thread ({@link HeldRequest}): blocking
 * playlist reloads ({@code _HLS_msn}, {@code _HLS_part}), the part an EXT-X-PRELOAD-HINT names, the
 * segment being written. Segments that left the memory window come from the recording's files.
 * Signed-in people only (web.xml).
 */
@WebServlet(urlPatterns = "/live/*", asyncSupported = true)
public class LiveServlet extends HttpServlet {

  private static final Logger LOG = Logger.getLogger(LiveServlet.class.getName());
  private static final String LIVE_MANIFEST = "private, max-age=1";
  private static final String ENDED_MANIFEST = "private, max-age=60";
  private static final String FROM_START = "?from=start";

  /**
   * A blocking reload's answer contains at least what its {@code _HLS_msn} and {@code _HLS_part}
   * asked for, which stays true: such URLs may be cached (rfc8216bis 6.2.5.2 expects it).
   */
  private static final String BLOCKING_RELOAD = "private, max-age=60";

  @Inject private LiveWindows windows;
  @Inject private SegmentStore store;
  @Inject private PackagingSettings settings;

  private final LiveManifests manifests = new LiveManifests();

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String[] parts = String.valueOf(request.getPathInfo()).split("/", 4);
    Optional<LiveWindow> window = parts.length >= 3 ? windows.of(parts[1]) : Optional.empty();
    if (window.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
    } else if (parts.length == 3) {
      redirectToBroadcast(request, response, window.get(), parts[2]);
    } else if (!parts[2].equals(Long.toString(window.get().broadcastId()))) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND); // an earlier broadcast: see replays
    } else {
      Optional<MediaPath> path = MediaPath.parse(parts[3]);
      if (path.isEmpty()) {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
      } else {
        serve(request, response, window.get(), path.get());
      }
    }
  }

  private void redirectToBroadcast(
      HttpServletRequest request, HttpServletResponse response, LiveWindow window, String file)
      throws IOException {
    Optional<MediaPath> entry = MediaPath.parse(file);
    if (entry.isEmpty()
        || !(entry.get() instanceof MediaPath.Multivariant
            || entry.get() instanceof MediaPath.Mpd)) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setHeader("Cache-Control", "no-store");
    response.sendRedirect(
        request.getContextPath()
            + "/live/"
            + window.channel()
            + "/"
            + window.broadcastId()
            + "/"
            + file
            + (fromStart(request) ? FROM_START : ""));
  }

  private void serve(
      HttpServletRequest request, HttpServletResponse response, LiveWindow window, MediaPath path)
      throws IOException {
    if (path instanceof MediaPath.Multivariant) {
      multivariant(request, response, window);
    } else if (path instanceof MediaPath.Mpd) {
      mpd(request, response, window);
    } else {
      MediaPath.TrackFile file = (MediaPath.TrackFile) path;
      Optional<TrackWindow> track = window.track(file.track());
      if (track.isEmpty()) {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
      } else if (file instanceof MediaPath.TrackPlaylist) {
        mediaPlaylist(request, response, window, track.get(), file.track());
      } else {
        new LiveFiles(store, settings.live()).send(request, response, window, track.get(), file);
      }
    }
  }

  private void multivariant(
      HttpServletRequest request, HttpServletResponse response, LiveWindow window)
      throws IOException {
    String query = fromStart(request) ? FROM_START : "";
    long version = window.version();
    Optional<ManifestResponse> manifest =
        manifests.of(
            window,
            version,
            "main.m3u8" + query,
            () ->
                window
                    .timelines()
                    .map(
                        t ->
                            new ManifestResponse(
                                ManifestResponse.HLS,
                                MultivariantPlaylist.write(t.ladder(), query))));
    sendOrNotYet(request, response, window, manifest);
  }

  /**
   * Dynamic while live; static once the broadcast has ended (ISO/IEC 23009-1 allows the switch).
   */
  private void mpd(HttpServletRequest request, HttpServletResponse response, LiveWindow window)
      throws IOException {
    String utcTiming = request.getContextPath() + "/time";
    boolean fromStart = fromStart(request);
    long version = window.version();
    Optional<ManifestResponse> manifest =
        manifests.of(
            window,
            version,
            "manifest.mpd" + (fromStart ? FROM_START : ""),
            () ->
                window
                    .timelines()
                    .map(
                        t ->
                            new ManifestResponse(
                                ManifestResponse.DASH,
                                new MpdWriter(settings.live(), utcTiming)
                                    .write(
                                        t,
                                        t.ended()
                                            ? Playback.REPLAY
                                            : playback(fromStart, window)))));
    sendOrNotYet(request, response, window, manifest);
  }

  /** Before the first segments a manifest does not exist yet: 404, not cached, players retry. */
  private static void sendOrNotYet(
      HttpServletRequest request,
      HttpServletResponse response,
      LiveWindow window,
      Optional<ManifestResponse> manifest)
      throws IOException {
    if (manifest.isEmpty()) {
      LiveFiles.answerMissing(response);
    } else {
      manifest.get().send(request, response, manifestCaching(window));
    }
  }

  /**
   * A track's playlist, held while a blocking reload asks for what is not there yet. The answer is
   * the playlist rendered at the window's version the decision was made at, shared with every other
   * player asking at that version.
   */
  private void mediaPlaylist(
      HttpServletRequest request,
      HttpServletResponse response,
      LiveWindow window,
      TrackWindow track,
      TrackRef ref)
      throws IOException {
    String msn = request.getParameter("_HLS_msn");
    String part = request.getParameter("_HLS_part");
    boolean fromStart = fromStart(request);
    String path = new MediaPath.TrackPlaylist(ref).path() + (fromStart ? FROM_START : "");
    BlockingReload reload = new BlockingReload(settings.live());
    AtomicReference<Duration> holdFor = new AtomicReference<>(LiveFiles.holdLimit(settings.live()));
    HeldRequest.answer(
        request,
        response,
        window,
        holdFor::get,
        out -> {
          while (true) {
            long version = window.version();
            TrackTimeline timeline = track.timeline();
            if (timeline.isEmpty()) {
              return LiveFiles.answerMissing(out);
            }
            ReloadDecision decision = reload.decide(msn, part, timeline);
            if (decision instanceof ReloadDecision.Reject reject) {
              LOG.fine(() -> "Blocking reload refused: " + reject.reason());
              out.sendError(HttpServletResponse.SC_BAD_REQUEST);
              return true;
            }
            if (decision instanceof ReloadDecision.Wait wait) {
              holdFor.set(wait.maxWait());
              return false;
            }
            if (window.version() != version) {
              continue; // changed while deciding: decide on what the playlist will show
            }
            ManifestResponse playlist =
                manifests
                    .of(
                        window,
                        version,
                        path,
                        () ->
                            Optional.of(
                                new ManifestResponse(
                                    ManifestResponse.HLS,
                                    new MediaPlaylist(settings.live())
                                        .write(
                                            track.timeline(),
                                            playback(fromStart, window),
                                            renditionReports(window, ref)))))
                    .orElseThrow();
            playlist.send(request, out, msn == null ? manifestCaching(window) : BLOCKING_RELOAD);
            return true;
          }
        });
  }

  /**
   * Where the other renditions of the track's kind stand (rfc8216bis 4.4.5.4), so a player
   * switching to one can block on its next part straight away.
   */
  private static List<RenditionReport> renditionReports(LiveWindow window, TrackRef ref) {
    List<RenditionReport> reports = new ArrayList<>();
    window
        .timelines()
        .ifPresent(
            all -> {
              for (Map.Entry<TrackRef, TrackTimeline> other : all.tracks().entrySet()) {
                TrackRef track = other.getKey();
                if (track.kind() == ref.kind() && !track.equals(ref)) {
                  RenditionReport.of(track, other.getValue()).ifPresent(reports::add);
                }
              }
            });
    return reports;
  }

  private static String manifestCaching(LiveWindow window) {
    return window.ended() ? ENDED_MANIFEST : LIVE_MANIFEST;
  }

  private static boolean fromStart(HttpServletRequest request) {
    return "start".equals(request.getParameter("from"));
  }

  /**
   * The whole broadcast when asked for, unless it outgrew what the window keeps: then a sliding
   * window of what it still has (an EVENT playlist must not lose segments).
   */
  private static Playback playback(boolean fromStart, LiveWindow window) {
    return fromStart && !window.trimmed() ? Playback.FROM_START : Playback.LIVE_WINDOW;
  }
}
