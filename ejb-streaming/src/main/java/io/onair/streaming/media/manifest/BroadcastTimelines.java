package io.onair.streaming.media.manifest;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the DASH MPD describes at once: the ladder and the timeline of each published track
 * (every rendition's video, the audio of {@link Ladder#audioSources()}).
 *
 * @param startedAt the wall-clock time of media time 0 of every track: the packager starts each
 *     track's decode time at 0 when the broadcast starts (DASH {@code availabilityStartTime})
 */
public record BroadcastTimelines(
    Instant startedAt, Ladder ladder, Map<TrackRef, TrackTimeline> tracks) {

  public BroadcastTimelines {
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(ladder, "ladder");
    tracks = Map.copyOf(tracks);
    for (Rendition r : ladder.renditions()) {
      require(tracks, TrackRef.video(r));
    }
    for (Rendition r : ladder.audioSources()) {
      require(tracks, TrackRef.audio(r));
    }
  }

  public TrackTimeline timeline(TrackRef track) {
    TrackTimeline timeline = tracks.get(track);
    if (timeline == null) {
      throw new IllegalArgumentException("no timeline for " + track.directory());
    }
    return timeline;
  }

  /** Whether the broadcast has ended: every published track says so. */
  public boolean ended() {
    return tracks.values().stream().allMatch(TrackTimeline::ended);
  }

  private static void require(Map<TrackRef, TrackTimeline> tracks, TrackRef track) {
    if (!tracks.containsKey(track)) {
      throw new IllegalArgumentException("missing the timeline of " + track.directory());
    }
  }
}
