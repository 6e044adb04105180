package io.onair.streaming.application.recording;

import io.onair.streaming.domain.recording.RecordedSegment;
import io.onair.streaming.domain.recording.RecordedTrack;
import io.onair.streaming.media.manifest.BroadcastTimelines;
import io.onair.streaming.media.manifest.Ladder;
import io.onair.streaming.media.manifest.Rendition;
import io.onair.streaming.media.manifest.Segment;
import io.onair.streaming.media.manifest.TrackRef;
import io.onair.streaming.media.manifest.TrackTimeline;
import io.onair.streaming.media.manifest.VideoTrack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Turns a recording's index rows into what the manifest writers take: the ladder, in the order the
 * packager started the renditions, and an ended timeline per track.
 *
 * <p>Bandwidth. A video track's figures are measured from its segments (the largest bit rate of any
 * one segment, and the whole track's average), which for a replay are known exactly and can only be
 * more truthful than the packager's declaration. Audio keeps its declared figure: the ladder
 * publishes one audio track per distinct description, and measured sizes of two copies of one AAC
 * encode could differ by a byte and split them.
 *
 * <p>A rendition lacking its video or audio track, or any video segment, is left out. A timeline
 * ends at its first gap in numbers or times (a file lost from the disk): the manifests cannot
 * express a hole, so the replay plays from the start up to there.
 */
final class ReplayTimelines {

  private static final Logger LOG = Logger.getLogger(ReplayTimelines.class.getName());

  private ReplayTimelines() {}

  /**
   * @param tracks the broadcast's tracks in the order they were added
   * @param segments each track's segments by number, keyed by track id
   */
  static Optional<BroadcastTimelines> of(
      Instant startedAt, List<RecordedTrack> tracks, Map<Long, List<RecordedSegment>> segments) {
    Map<String, RecordedTrack> videos = new LinkedHashMap<>();
    Map<String, RecordedTrack> audios = new HashMap<>();
    for (RecordedTrack track : tracks) {
      (track.isVideo() ? videos : audios).put(track.ref().rendition(), track);
    }
    List<Rendition> renditions = new ArrayList<>();
    Map<TrackRef, TrackTimeline> timelines = new HashMap<>();
    for (RecordedTrack video : videos.values()) {
      RecordedTrack audio = audios.get(video.ref().rendition());
      List<Segment> videoSegments = contiguous(video, segments);
      if (audio == null || videoSegments.isEmpty()) {
        continue;
      }
      renditions.add(
          new Rendition(video.ref().rendition(), measured(video, videoSegments), audio.audio()));
      timelines.put(video.ref(), TrackTimeline.ended(video.timescale(), videoSegments));
      timelines.put(
          audio.ref(), TrackTimeline.ended(audio.timescale(), contiguous(audio, segments)));
    }
    if (renditions.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new BroadcastTimelines(startedAt, Ladder.largestFirst(renditions), timelines));
  }

  /** The track's segments up to the first that does not follow the one before it. */
  static List<Segment> contiguous(RecordedTrack track, Map<Long, List<RecordedSegment>> all) {
    List<Segment> kept = new ArrayList<>();
    for (RecordedSegment row : all.getOrDefault(track.id(), List.of())) {
      Segment segment = row.toSegment();
      if (!kept.isEmpty()) {
        Segment before = kept.get(kept.size() - 1);
        if (segment.number() != before.number() + 1 || segment.startTime() < before.endTime()) {
          LOG.warning(
              () ->
                  "Replay of "
                      + track.ref().directory()
                      + " of broadcast "
                      + track.broadcast().id()
                      + " stops at segment "
                      + before.number()
                      + ": segment "
                      + segment.number()
                      + " does not follow it.");
          break;
        }
      }
      kept.add(segment);
    }
    return kept;
  }

  /** The video track described with bandwidth figures measured from {@code segments}. */
  static VideoTrack measured(RecordedTrack video, List<Segment> segments) {
    long timescale = video.timescale();
    long peak = 0;
    long bytes = 0;
    long units = 0;
    for (Segment s : segments) {
      long bits = Math.multiplyExact(Math.multiplyExact(s.byteSize(), 8), timescale);
      peak = Math.max(peak, -Math.floorDiv(-bits, s.duration())); // rounded up: a peak
      bytes += s.byteSize();
      units += s.duration();
    }
    long average = Math.max(1, Math.multiplyExact(Math.multiplyExact(bytes, 8), timescale) / units);
    return video.video(Math.max(peak, average), average);
  }
}
