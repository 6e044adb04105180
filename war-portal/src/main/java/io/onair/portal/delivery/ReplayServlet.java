package io.onair.portal.delivery;

import io.onair.streaming.application.packaging.PackagingSettings;
import io.onair.streaming.application.recording.ReplayService;
import io.onair.streaming.application.recording.ReplayView;
import io.onair.streaming.infrastructure.storage.SegmentStore;
import io.onair.streaming.media.manifest.BroadcastTimelines;
import io.onair.streaming.media.manifest.MediaPath;
import io.onair.streaming.media.manifest.Playback;
import io.onair.streaming.media.manifest.TrackKind;
import io.onair.streaming.media.manifest.TrackTimeline;
import io.onair.streaming.media.manifest.dash.MpdWriter;
import io.onair.streaming.media.manifest.hls.MediaPlaylist;
import io.onair.streaming.media.manifest.hls.MultivariantPlaylist;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.Optional;

/**
 * Replays of ended broadcasts as HLS and DASH, from the segment index: {@code
 * /replay/<channel>/<broadcast id>/main.m3u8}, {@code .../manifest.mpd}, and the track playlists,
 * init segments and segments those name (see {@link MediaPath}). Channel-based URLs: the broadcast
 * must be a replay of that channel. Signed-in people only (web.xml); the replay service checks
 * their role.
 */
@WebServlet("/replay/*")
public class ReplayServlet extends HttpServlet {

  /** Auth-protected and never changing once the broadcast ended: any private cache may keep it. */
  private static final String CACHING = "private, max-age=86400, immutable";

  @Inject private ReplayService replays;
  @Inject private ReplayTimelines recorded;
  @Inject private SegmentStore store;
  @Inject private PackagingSettings settings;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String[] parts = String.valueOf(request.getPathInfo()).split("/", 4);
    Optional<MediaPath> path = parts.length == 4 ? MediaPath.parse(parts[3]) : Optional.empty();
    Optional<ReplayView> replay =
        path.isPresent() && parts[2].matches("[1-9][0-9]{0,17}")
            ? replays.replay(parts[1], Long.parseLong(parts[2]))
            : Optional.empty();
    if (replay.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setHeader("Cache-Control", CACHING);
    MediaPath asked = path.get();
    long broadcast = replay.get().broadcastId();
    if (asked instanceof MediaPath.TrackFile file && !(asked instanceof MediaPath.TrackPlaylist)) {
      // Files come straight from the store: a segment request reads no index.
      file(request, response, broadcast, file);
      return;
    }
    Optional<BroadcastTimelines> timelines = recorded.of(broadcast);
    if (timelines.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
    } else if (asked instanceof MediaPath.Multivariant) {
      text(
          request,
          response,
          ManifestResponse.HLS,
          MultivariantPlaylist.write(timelines.get().ladder()));
    } else if (asked instanceof MediaPath.Mpd) {
      MpdWriter mpd = new MpdWriter(settings.live(), request.getContextPath() + "/time");
      text(request, response, ManifestResponse.DASH, mpd.write(timelines.get(), Playback.REPLAY));
    } else {
      TrackTimeline timeline =
          timelines.get().tracks().get(((MediaPath.TrackPlaylist) asked).track());
      if (timeline == null) {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
      MediaPlaylist media = new MediaPlaylist(settings.live());
      text(request, response, ManifestResponse.HLS, media.write(timeline, Playback.REPLAY));
    }
  }

  private void file(
      HttpServletRequest request,
      HttpServletResponse response,
      long broadcast,
      MediaPath.TrackFile file)
      throws IOException {
    Optional<FileChannel> opened = store.open(broadcast, file);
    if (opened.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    try (FileChannel channel = opened.get()) {
      response.setContentType(file.track().kind() == TrackKind.VIDEO ? "video/mp4" : "audio/mp4");
      ByteRanges.send(request, response, channel);
    }
  }

  private static void text(
      HttpServletRequest request, HttpServletResponse response, String type, String body)
      throws IOException {
    new ManifestResponse(type, body).send(request, response, CACHING);
  }
}
