package io.onair.portal.rest.dto;

import io.onair.streaming.application.LiveFeedView;
import io.onair.streaming.media.FeedTrack;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a live channel's feed carries: its tracks' codecs and formats, and the encoder's metadata.
 * Absent values (a frame rate the encoder did not declare, the sample rate of a video track) are
 * left out of the JSON.
 */
public record LiveFeedDto(
    String channel, boolean live, List<Track> tracks, Map<String, Object> metadata) {

  /** One track: {@code codec} is the RFC 6381 value HLS and DASH manifests carry. */
  public record Track(
      String type,
      String fourCc,
      String codec,
      Integer width,
      Integer height,
      Double frameRate,
      Integer sampleRate,
      Integer channels) {

    static Track of(FeedTrack format) {
      return new Track(
          format.track().name().toLowerCase(Locale.ROOT),
          format.fourCc(),
          format.codec(),
          format.width(),
          format.height(),
          format.frameRate(),
          format.sampleRate(),
          format.channels());
    }
  }

  public static LiveFeedDto of(LiveFeedView view) {
    return new LiveFeedDto(
        view.channel(),
        view.live(),
        view.tracks().stream().map(Track::of).toList(),
        view.metadata());
  }
}
