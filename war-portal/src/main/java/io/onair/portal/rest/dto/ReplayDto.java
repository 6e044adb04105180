package io.onair.portal.rest.dto;

import io.onair.streaming.application.recording.ReplayView;
import java.time.Instant;

/**
 * A replay of a channel, with where to play it: the HLS multivariant playlist and the DASH MPD,
 * relative to the portal's root.
 */
public record ReplayDto(
    long broadcastId, Instant startedAt, Instant endedAt, String hls, String dash) {

  public static ReplayDto of(ReplayView view) {
    String base = "replay/" + view.channel() + "/" + view.broadcastId() + "/";
    return new ReplayDto(
        view.broadcastId(),
        view.startedAt(),
        view.endedAt(),
        base + "main.m3u8",
        base + "manifest.mpd");
  }
}
