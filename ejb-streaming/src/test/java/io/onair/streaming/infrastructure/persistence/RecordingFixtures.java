package io.onair.streaming.infrastructure.persistence;

import io.onair.streaming.domain.broadcast.Broadcast;
import io.onair.streaming.domain.channel.Channel;
import io.onair.streaming.domain.channel.ChannelName;
import io.onair.streaming.domain.recording.NewSegment;
import io.onair.streaming.domain.recording.TrackDescription;
import io.onair.streaming.domain.streamkey.StreamKey;
import io.onair.streaming.domain.streamkey.StreamKeySecret;
import io.onair.streaming.media.manifest.AudioTrack;
import io.onair.streaming.media.manifest.FrameRate;
import io.onair.streaming.media.manifest.MediaPath;
import io.onair.streaming.media.manifest.TrackRef;
import io.onair.streaming.media.manifest.VideoTrack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Broadcasts, tracks and segments for the tests of the recording index. */
public final class RecordingFixtures {

  public static final int VIDEO_TIMESCALE = 90_000;
  public static final int AUDIO_TIMESCALE = 48_000;

  private RecordingFixtures() {}

  /** Starts a live broadcast on channel {@code channel} (created if needed); returns its id. */
  public static long startBroadcast(MigratedDatabase db, String channel, Instant at) {
    return db.fromTransaction(
        em -> {
          Channel c =
              new JpaChannelRepository(em)
                  .find(new ChannelName(channel))
                  .orElseGet(
                      () -> {
                        Channel created = new Channel(new ChannelName(channel), channel, at);
                        em.persist(created);
                        return created;
                      });
          StreamKey key = new StreamKey(c, StreamKeySecret.generate(), at);
          em.persist(key);
          Broadcast broadcast = Broadcast.start(key, "s-" + channel, "127.0.0.1:1", at);
          em.persist(broadcast);
          return broadcast.id();
        });
  }

  public static void endBroadcast(MigratedDatabase db, long id, Instant at) {
    db.inTransaction(em -> new JpaBroadcastRepository(em).find(id).orElseThrow().end(at));
  }

  public static TrackDescription.Video video(String rendition, long peak, long average) {
    return new TrackDescription.Video(
        rendition,
        VIDEO_TIMESCALE,
        new VideoTrack("avc1.64001f", 1280, 720, FrameRate.of(30), peak, average));
  }

  public static TrackDescription.Video video(String rendition) {
    return video(rendition, 3_000_000, 2_500_000);
  }

  public static TrackDescription.Audio audio(String rendition) {
    return new TrackDescription.Audio(
        rendition, AUDIO_TIMESCALE, new AudioTrack("mp4a.40.2", 128_000, AUDIO_TIMESCALE, 2));
  }

  public static String initPath(long broadcastId, TrackRef track) {
    return "broadcasts/" + broadcastId + "/" + new MediaPath.Init(track).path();
  }

  /**
   * {@code count} consecutive segments of {@code track} from number {@code first}, each {@code
   * duration} long and {@code size} bytes, starting at media time {@code first * duration}, whose
   * wall clock starts at {@code startedAt} for media time 0.
   */
  public static List<NewSegment> segments(
      long broadcastId,
      TrackRef track,
      long first,
      int count,
      long duration,
      long timescale,
      long size,
      Instant startedAt) {
    List<NewSegment> segments = new ArrayList<>();
    for (long n = first; n < first + count; n++) {
      long start = n * duration;
      segments.add(
          new NewSegment(
              broadcastId,
              track,
              n,
              start,
              duration,
              startedAt.plusNanos(start * 1_000_000_000L / timescale),
              size,
              "broadcasts/" + broadcastId + "/" + new MediaPath.SegmentFile(track, n).path()));
    }
    return segments;
  }
}
