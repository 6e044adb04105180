package io.onair.portal.delivery;

import io.onair.streaming.application.live.LiveWindows;
import io.onair.streaming.application.packaging.PackagingSettings;
import io.onair.streaming.infrastructure.storage.SegmentStore;
import io.onair.streaming.media.live.LiveWindow;
import io.onair.streaming.media.live.TrackWindow;
import io.onair.streaming.media.manifest.BroadcastTimelines;
import io.onair.streaming.media.manifest.MediaPath;
import io.onair.streaming.media.manifest.Playback;
import io.onair.streaming.media.manifest.TrackKind;
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
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
  private static final String IMMUTABLE = "private, max-age=86400, immutable";
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
      } else if (file instanceof MediaPath.Init) {
        media(response, file, "private, max-age=60", List.of(track.get().init()));
      } else if (file instanceof MediaPath.SegmentFile segment) {
        segment(request, response, window, track.get(), segment);
      } else {
        part(request, response, window, track.get(), (MediaPath.PartFile) file);
      }
    }
  }

  private void multivariant(
      HttpServletRequest request, HttpServletResponse response, LiveWindow window)
      throws IOException {
    Optional<BroadcastTimelines> timelines = window.timelines();
    if (timelines.isEmpty()) {
      notYet(response);
      return;
    }
    String query = fromStart(request) ? FROM_START : "";
    ManifestResponse.send(
        request,
        response,
        ManifestResponse.HLS,
        manifestCaching(window),
        MultivariantPlaylist.write(timelines.get().ladder(), query));
  }

  /**
   * Dynamic while live; static once the broadcast has ended (ISO/IEC 23009-1 allows the switch).
   */
  private void mpd(HttpServletRequest request, HttpServletResponse response, LiveWindow window)
      throws IOException {
    Optional<BroadcastTimelines> timelines = window.timelines();
    if (timelines.isEmpty()) {
      notYet(response);
      return;
    }
    Playback playback = timelines.get().ended() ? Playback.REPLAY : playback(request, window);
    MpdWriter writer = new MpdWriter(settings.live(), request.getContextPath() + "/time");
    ManifestResponse.send(
        request,
        response,
        ManifestResponse.DASH,
        manifestCaching(window),
        writer.write(timelines.get(), playback));
  }

  private void mediaPlaylist(
      HttpServletRequest request,
      HttpServletResponse response,
      LiveWindow window,
      TrackWindow track,
      TrackRef ref)
      throws IOException {
    String msn = request.getParameter("_HLS_msn");
    String part = request.getParameter("_HLS_part");
    Playback playback = playback(request, window);
    BlockingReload reload = new BlockingReload(settings.live());
    Duration maxWait = settings.live().maxSegmentDuration().multipliedBy(3);
    if (!track.timeline().isEmpty()
        && reload.decide(msn, part, track.timeline()) instanceof ReloadDecision.Wait wait) {
      maxWait = wait.maxWait();
    }
    HeldRequest.answer(
        request,
        response,
        window,
        maxWait,
        out -> {
          TrackTimeline timeline = track.timeline();
          if (timeline.isEmpty()) {
            return answerMissing(out);
          }
          ReloadDecision decision = reload.decide(msn, part, timeline);
          if (decision instanceof ReloadDecision.Reject reject) {
            LOG.fine(() -> "Blocking reload refused: " + reject.reason());
            out.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return true;
          }
          if (decision instanceof ReloadDecision.Wait) {
            return false;
          }
          String body =
              new MediaPlaylist(settings.live())
                  .write(timeline, playback, renditionReports(window, ref));
          ManifestResponse.send(
              request,
              out,
              ManifestResponse.HLS,
              msn == null ? manifestCaching(window) : BLOCKING_RELOAD,
              body);
          return true;
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

  /**
   * A complete segment from memory, else from the recording's file; the segment being written is
   * awaited.
   */
  private void segment(
      HttpServletRequest request,
      HttpServletResponse response,
      LiveWindow window,
      TrackWindow track,
      MediaPath.SegmentFile file)
      throws IOException {
    HeldRequest.answer(
        request,
        response,
        window,
        holdLimit(),
        out -> {
          Optional<List<byte[]>> inMemory = track.segment(file.number());
          if (inMemory.isPresent()) {
            media(out, file, IMMUTABLE, inMemory.get());
            return true;
          }
          long next = track.timeline().nextNumber();
          if (file.number() < next) {
            return fromStore(request, out, window, file);
          }
          return file.number() <= next + 1 && !window.ended() ? false : answerMissing(out);
        });
  }

  /**
   * A part from memory. The next part of the open segment (the preload hint) is awaited; older
   * parts than the memory window keeps are gone (playlists list parts of the last few segments).
   */
  private void part(
      HttpServletRequest request,
      HttpServletResponse response,
      LiveWindow window,
      TrackWindow track,
      MediaPath.PartFile file)
      throws IOException {
    HeldRequest.answer(
        request,
        response,
        window,
        holdLimit(),
        out -> {
          Optional<byte[]> bytes = track.part(file.number(), file.part());
          if (bytes.isPresent()) {
            media(out, file, IMMUTABLE, List.of(bytes.get()));
            return true;
          }
          TrackTimeline timeline = track.timeline();
          int published = timeline.open().map(o -> o.parts().size()).orElse(0);
          boolean hinted = file.number() == timeline.nextNumber() && file.part() <= published;
          return hinted && !window.ended() ? false : answerMissing(out);
        });
  }

  private boolean fromStore(
      HttpServletRequest request,
      HttpServletResponse response,
      LiveWindow window,
      MediaPath.TrackFile file)
      throws IOException {
    Optional<FileChannel> opened = store.open(window.broadcastId(), file);
    if (opened.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return true;
    }
    try (FileChannel channel = opened.get()) {
      response.setContentType(contentType(file));
      response.setHeader("Cache-Control", IMMUTABLE);
      ByteRanges.send(request, response, channel);
    }
    return true;
  }

  private static void media(
      HttpServletResponse response, MediaPath.TrackFile file, String caching, List<byte[]> chunks)
      throws IOException {
    response.setContentType(contentType(file));
    response.setHeader("Cache-Control", caching);
    response.setContentLengthLong(chunks.stream().mapToLong(c -> c.length).sum());
    try (OutputStream out = response.getOutputStream()) {
      for (byte[] chunk : chunks) {
        out.write(chunk);
      }
    }
  }

  private static boolean answerMissing(HttpServletResponse response) throws IOException {
    response.setHeader("Cache-Control", "no-store");
    response.sendError(HttpServletResponse.SC_NOT_FOUND);
    return true;
  }

  /** Before the first segments a manifest does not exist yet: 404, not cached, players retry. */
  private static void notYet(HttpServletResponse response) throws IOException {
    response.setHeader("Cache-Control", "no-store");
    response.sendError(HttpServletResponse.SC_NOT_FOUND);
  }

  private Duration holdLimit() {
    return settings.live().maxSegmentDuration().multipliedBy(3);
  }

  private static String contentType(MediaPath.TrackFile file) {
    return file.track().kind() == TrackKind.VIDEO ? "video/mp4" : "audio/mp4";
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
  private static Playback playback(HttpServletRequest request, LiveWindow window) {
    return fromStart(request) && !window.trimmed() ? Playback.FROM_START : Playback.LIVE_WINDOW;
  }
}
