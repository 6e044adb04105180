package io.onair.streaming.domain.recording;

import io.onair.streaming.domain.broadcast.Broadcast;
import io.onair.streaming.domain.channel.Channel;
import io.onair.streaming.media.manifest.TrackRef;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where the recordings' tracks and segments are indexed. */
public interface RecordingRepository {

  void addTrack(RecordedTrack track);

  Optional<RecordedTrack> findTrack(long broadcastId, TrackRef track);

  /** The tracks of a broadcast in the order they were added (the packager's ladder order). */
  List<RecordedTrack> tracksOf(long broadcastId);

  /**
   * Indexes segments whose files are in place, in one database round trip. A segment whose track is
   * not indexed, or that is indexed already, is skipped: adding the same segments twice changes
   * nothing.
   *
   * @return how many were added
   */
  int addSegments(List<NewSegment> segments);

  /** The segments of a track, by number. */
  List<RecordedSegment> segmentsOf(RecordedTrack track);

  /** The numbers of a track's segments, ascending. */
  List<Long> segmentNumbersOf(RecordedTrack track);

  /** The segment with the highest number of a track. */
  Optional<RecordedSegment> lastSegmentOf(RecordedTrack track);

  /** Deletes the given segments of a track; returns how many there were. */
  int deleteSegments(RecordedTrack track, Collection<Long> numbers);

  /** Deletes a track and its segments. */
  void deleteTrack(RecordedTrack track);

  /** Deletes every track and segment of a broadcast; returns the number of segments deleted. */
  int deleteRecordingOf(long broadcastId);

  /** Ended broadcasts of a channel that still have a recording, newest first. */
  List<Broadcast> replaysOf(Channel channel, int max);

  /**
   * Ids of broadcasts that ended before {@code cutoff} and still have a recording, oldest first:
   * what the retention deletes.
   */
  List<Long> recordingsEndedBefore(Instant cutoff, int max);
}
