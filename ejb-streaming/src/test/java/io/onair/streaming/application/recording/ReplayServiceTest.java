package io.onair.streaming.application.recording;

import static io.onair.streaming.infrastructure.persistence.RecordingFixtures.VIDEO_TIMESCALE;
import static io.onair.streaming.infrastructure.persistence.RecordingFixtures.audio;
import static io.onair.streaming.infrastructure.persistence.RecordingFixtures.endBroadcast;
import static io.onair.streaming.infrastructure.persistence.RecordingFixtures.initPath;
import static io.onair.streaming.infrastructure.persistence.RecordingFixtures.segments;
import static io.onair.streaming.infrastructure.persistence.RecordingFixtures.startBroadcast;
import static io.onair.streaming.infrastructure.persistence.RecordingFixtures.video;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.streaming.application.ChannelNotFoundException;
import io.onair.streaming.domain.broadcast.Broadcast;
import io.onair.streaming.domain.recording.NewSegment;
import io.onair.streaming.domain.recording.RecordedTrack;
import io.onair.streaming.domain.recording.TrackDescription;
import io.onair.streaming.infrastructure.persistence.JpaBroadcastRepository;
import io.onair.streaming.infrastructure.persistence.JpaChannelRepository;
import io.onair.streaming.infrastructure.persistence.JpaRecordingRepository;
import io.onair.streaming.infrastructure.persistence.MigratedDatabase;
import io.onair.streaming.media.manifest.BroadcastTimelines;
import io.onair.streaming.media.manifest.LiveSettings;
import io.onair.streaming.media.manifest.Playback;
import io.onair.streaming.media.manifest.Rendition;
import io.onair.streaming.media.manifest.Segment;
import io.onair.streaming.media.manifest.TrackKind;
import io.onair.streaming.media.manifest.TrackRef;
import io.onair.streaming.media.manifest.TrackTimeline;
import io.onair.streaming.media.manifest.hls.MediaPlaylist;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Replays read from the index on a real PostgreSQL, as delivery will ask for them. */
class ReplayServiceTest {

  private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
  private static final long TWO_SECONDS = 2L * VIDEO_TIMESCALE;
  private static final long AUDIO_SEGMENT = 94 * 1024;

  private static MigratedDatabase db;

  @BeforeAll
  static void start() throws IOException {
    db = MigratedDatabase.start();
  }

  @AfterAll
  static void stop() throws IOException {
    if (db != null) {
      db.close();
    }
  }

  private static <T> T replays(Function<ReplayService, T> call) {
    return db.fromTransaction(
        em ->
            call.apply(
                new ReplayService(
                    new JpaChannelRepository(em),
                    new JpaBroadcastRepository(em),
                    new JpaRecordingRepository(em))));
  }

  private static Optional<BroadcastTimelines> timelines(long id) {
    return replays(service -> service.timelines(id));
  }

  private static Optional<ReplayView> latest(String channel) {
    return replays(service -> service.latestReplayOf(channel));
  }

  private static void addTracks(long id, TrackDescription... descriptions) {
    db.inTransaction(
        em -> {
          Broadcast broadcast = new JpaBroadcastRepository(em).find(id).orElseThrow();
          for (TrackDescription d : descriptions) {
            new JpaRecordingRepository(em)
                .addTrack(new RecordedTrack(broadcast, d, initPath(id, d.track())));
          }
        });
  }

  private static void addSegments(List<NewSegment> segments) {
    db.inTransaction(em -> new JpaRecordingRepository(em).addSegments(segments));
  }

  /** Video of {@code sizes.length} 2 s segments of those sizes, and as much audio. */
  private static void addMedia(long id, String rendition, long... sizes) {
    TrackRef video = new TrackRef(rendition, TrackKind.VIDEO);
    List<NewSegment> all = new ArrayList<>();
    for (int n = 0; n < sizes.length; n++) {
      all.addAll(segments(id, video, n, 1, TWO_SECONDS, VIDEO_TIMESCALE, sizes[n], T0));
    }
    all.addAll(
        segments(
            id,
            new TrackRef(rendition, TrackKind.AUDIO),
            0,
            sizes.length,
            AUDIO_SEGMENT,
            48_000,
            32_000,
            T0));
    addSegments(all);
  }

  private static long endedWithLadder(String channel) {
    long id = startBroadcast(db, channel, T0);
    addTracks(
        id,
        video("1080p", 6_000_000, 5_000_000),
        audio("1080p"),
        video("360p", 900_000, 800_000),
        audio("360p"));
    addMedia(id, "1080p", 1_500_000, 1_000_000, 500_000);
    addMedia(id, "360p", 200_000, 200_000, 200_000);
    endBroadcast(db, id, T0.plusSeconds(6));
    return id;
  }

  @Test
  void theTimelinesOfAReplayListEverySegmentOfEveryTrackInLadderOrder() {
    long id = endedWithLadder("replay-ladder");

    BroadcastTimelines timelines = timelines(id).orElseThrow();

    assertThat(timelines.startedAt()).isEqualTo(T0);
    assertThat(timelines.ended()).isTrue();
    assertThat(timelines.ladder().renditions())
        .extracting(Rendition::name)
        .containsExactly("1080p", "360p");
    TrackTimeline video = timelines.timeline(new TrackRef("1080p", TrackKind.VIDEO));
    assertThat(video.timescale()).isEqualTo(VIDEO_TIMESCALE);
    assertThat(video.segments())
        .containsExactly(
            new Segment(0, 0, TWO_SECONDS, T0, 1_500_000, List.of()),
            new Segment(1, TWO_SECONDS, TWO_SECONDS, T0.plusSeconds(2), 1_000_000, List.of()),
            new Segment(2, 2 * TWO_SECONDS, TWO_SECONDS, T0.plusSeconds(4), 500_000, List.of()));
    TrackTimeline audio = timelines.timeline(new TrackRef("360p", TrackKind.AUDIO));
    assertThat(audio.timescale()).isEqualTo(48_000);
    assertThat(audio.segments()).hasSize(3);
  }

  @Test
  void videoBandwidthIsMeasuredFromTheSegmentsAndAudioKeepsItsDeclaredFigure() {
    long id = endedWithLadder("replay-bandwidth");

    Rendition top = timelines(id).orElseThrow().ladder().renditions().get(0);

    // 1.5 MB in 2 s is the largest: 6 Mbit/s; 3 MB in 6 s on average: 4 Mbit/s.
    assertThat(top.video().peakBandwidth()).isEqualTo(6_000_000);
    assertThat(top.video().averageBandwidth()).isEqualTo(4_000_000);
    assertThat(top.audio()).isEqualTo(audio("1080p").format());
  }

  @Test
  void theTimelinesFeedTheManifestWriters() {
    long id = endedWithLadder("replay-writers");
    BroadcastTimelines timelines = timelines(id).orElseThrow();
    TrackTimeline video = timelines.timeline(new TrackRef("360p", TrackKind.VIDEO));

    String playlist = new MediaPlaylist(LiveSettings.defaults()).write(video, Playback.REPLAY);

    assertThat(playlist).contains("#EXT-X-PLAYLIST-TYPE:VOD", "#EXT-X-ENDLIST", "2.m4s");
  }

  @Test
  void aRenditionWithoutItsAudioOrWithoutVideoSegmentsIsLeftOut() {
    long id = startBroadcast(db, "replay-partial", T0);
    addTracks(id, video("720p"), audio("720p"), video("silent"), video("empty"), audio("empty"));
    addMedia(id, "720p", 100_000);
    addSegments(
        segments(
            id,
            new TrackRef("silent", TrackKind.VIDEO),
            0,
            1,
            TWO_SECONDS,
            VIDEO_TIMESCALE,
            10,
            T0));
    endBroadcast(db, id, T0.plusSeconds(2));

    BroadcastTimelines timelines = timelines(id).orElseThrow();

    assertThat(timelines.ladder().renditions()).extracting(Rendition::name).containsExactly("720p");
  }

  @Test
  void aTimelineStopsAtItsFirstGap() {
    long id = startBroadcast(db, "replay-gap", T0);
    addTracks(id, video("720p"), audio("720p"));
    addMedia(id, "720p", 10, 10, 10, 10);
    db.inTransaction(
        em -> {
          JpaRecordingRepository recordings = new JpaRecordingRepository(em);
          recordings.deleteSegments(
              recordings.findTrack(id, new TrackRef("720p", TrackKind.VIDEO)).orElseThrow(),
              List.of(2L));
        });
    endBroadcast(db, id, T0.plusSeconds(8));

    BroadcastTimelines timelines = timelines(id).orElseThrow();

    assertThat(timelines.timeline(new TrackRef("720p", TrackKind.VIDEO)).segments())
        .extracting(Segment::number)
        .containsExactly(0L, 1L);
    assertThat(timelines.timeline(new TrackRef("720p", TrackKind.AUDIO)).segments()).hasSize(4);
  }

  @Test
  void aLiveUnknownOrUnrecordedBroadcastHasNoReplayTimelines() {
    long live = startBroadcast(db, "replay-live", T0);
    addTracks(live, video("720p"), audio("720p"));
    addMedia(live, "720p", 10);
    long unrecorded = startBroadcast(db, "replay-unrecorded", T0);
    endBroadcast(db, unrecorded, T0.plusSeconds(1));

    assertThat(timelines(live)).isEmpty();
    assertThat(timelines(unrecorded)).isEmpty();
    assertThat(timelines(987_654)).isEmpty();
  }

  @Test
  void theReplaysOfAChannelAreListedNewestFirst() {
    long first = endedWithLadder("replay-list");
    long second = startBroadcast(db, "replay-list", T0.plusSeconds(60));
    addTracks(second, video("720p"), audio("720p"));
    endBroadcast(db, second, T0.plusSeconds(120));

    List<ReplayView> listed = replays(s -> s.replaysOf("replay-list", 10));
    Optional<ReplayView> latest = latest("replay-list");

    assertThat(listed).extracting(ReplayView::broadcastId).containsExactly(second, first);
    assertThat(listed.get(1))
        .isEqualTo(new ReplayView(first, "replay-list", T0, T0.plusSeconds(6)));
    assertThat(latest.map(ReplayView::broadcastId)).contains(second);
  }

  @Test
  void aChannelWithoutReplaysHasNoLatestAndAnUnknownChannelIsAnError() {
    startBroadcast(db, "replay-none", T0);
    assertThat(latest("replay-none")).isEmpty();
    assertThatThrownBy(() -> replays(s -> s.replaysOf("no-such-channel", 5)))
        .isInstanceOf(ChannelNotFoundException.class);
  }

  @Test
  void aReplayIsFoundByItsChannelAndBroadcastOnlyOnceEnded() {
    long ended = endedWithLadder("replay-one");
    long live = startBroadcast(db, "replay-one-live", T0);
    endedWithLadder("replay-other");

    Optional<ReplayView> found = replays(s -> s.replay("replay-one", ended));
    Optional<ReplayView> otherChannel = replays(s -> s.replay("replay-other", ended));
    Optional<ReplayView> stillLive = replays(s -> s.replay("replay-one-live", live));
    Optional<ReplayView> unknown = replays(s -> s.replay("no-such-channel", 987_654));

    assertThat(found).contains(new ReplayView(ended, "replay-one", T0, T0.plusSeconds(6)));
    assertThat(otherChannel).as("another channel's broadcast").isEmpty();
    assertThat(stillLive).isEmpty();
    assertThat(unknown).isEmpty();
  }
}
