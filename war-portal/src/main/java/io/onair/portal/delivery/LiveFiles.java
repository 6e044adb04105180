package io.onair.portal.delivery;

import io.onair.streaming.infrastructure.storage.SegmentStore;
import io.onair.streaming.media.live.LiveWindow;
import io.onair.streaming.media.live.TrackWindow;
import io.onair.streaming.media.manifest.LiveSettings;
import io.onair.streaming.media.manifest.MediaPath;
import io.onair.streaming.media.manifest.TrackKind;
import io.onair.streaming.media.manifest.TrackTimeline;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The files of a live track: its CMAF header, its segments and its LL-HLS parts, from the live
 * window's memory, or from the recording's files for segments older than the memory keeps. What is
 * about to exist (the segment being written, the hinted part) is awaited with a {@link
 * HeldRequest}; every file answered is immutable under its URL.
 */
final class LiveFiles {

  private static final String IMMUTABLE = "private, max-age=86400, immutable";

  /** The header changes only if the encoder changes its configuration mid-broadcast. */
  private static final String HEADER = "private, max-age=60";

  private final SegmentStore store;
  private final LiveSettings settings;

  LiveFiles(SegmentStore store, LiveSettings settings) {
    this.store = store;
    this.settings = settings;
  }

  void send(
      HttpServletRequest request,
      HttpServletResponse response,
      LiveWindow window,
      TrackWindow track,
      MediaPath.TrackFile file)
      throws IOException {
    if (file instanceof MediaPath.Init) {
      media(request, response, file, HEADER, List.of(track.init()));
    } else if (file instanceof MediaPath.SegmentFile segment) {
      segment(request, response, window, track, segment);
    } else if (file instanceof MediaPath.PartFile part) {
      part(request, response, window, track, part);
    } else {
      answerMissing(response);
    }
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
        () -> holdLimit(settings),
        out -> {
          Optional<List<byte[]>> inMemory = track.segment(file.number());
          if (inMemory.isPresent()) {
            media(request, out, file, IMMUTABLE, inMemory.get());
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
        () -> holdLimit(settings),
        out -> {
          Optional<byte[]> bytes = track.part(file.number(), file.part());
          if (bytes.isPresent()) {
            media(request, out, file, IMMUTABLE, List.of(bytes.get()));
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
      HttpServletRequest request,
      HttpServletResponse response,
      MediaPath.TrackFile file,
      String caching,
      List<byte[]> chunks)
      throws IOException {
    response.setContentType(contentType(file));
    response.setHeader("Cache-Control", caching);
    ByteRanges.send(request, response, chunks);
  }

  /** 404, not to be cached: it may exist later (a broadcast starting again has new URLs). */
  static boolean answerMissing(HttpServletResponse response) throws IOException {
    response.setHeader("Cache-Control", "no-store");
    response.sendError(HttpServletResponse.SC_NOT_FOUND);
    return true;
  }

  /**
   * How long a request for what is about to exist is held: three segments' time, past which the
   * stream has stalled.
   */
  static Duration holdLimit(LiveSettings settings) {
    return settings.maxSegmentDuration().multipliedBy(3);
  }

  private static String contentType(MediaPath.TrackFile file) {
    return file.track().kind() == TrackKind.VIDEO ? "video/mp4" : "audio/mp4";
  }
}
