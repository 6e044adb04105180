package io.onair.streaming.application;

import io.onair.streaming.media.FeedTrack;
import java.util.List;
import java.util.Map;

/**
 * What a live channel's feed carries right now, on this server.
 *
 * @param channel the channel's name
 * @param live whether someone publishes on it here; when not, there are no tracks
 * @param tracks each track's codec and format, video first
 * @param metadata the encoder's {@code onMetaData} properties, as it declared them
 */
public record LiveFeedView(
    String channel, boolean live, List<FeedTrack> tracks, Map<String, Object> metadata) {

  public LiveFeedView {
    tracks = List.copyOf(tracks);
    metadata = Map.copyOf(metadata);
  }

  static LiveFeedView offAir(String channel) {
    return new LiveFeedView(channel, false, List.of(), Map.of());
  }
}
