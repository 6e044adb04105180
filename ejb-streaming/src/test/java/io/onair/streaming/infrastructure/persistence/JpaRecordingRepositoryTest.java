package io.onair.streaming.infrastructure.persistence;

import static io.onair.streaming.infrastructure.persistence.RecordingFixtures.AUDIO_TIMESCALE;
import static io.onair.streaming.infrastructure.persistence.RecordingFixtures.VIDEO_TIMESCALE;
import static io.onair.streaming.infrastructure.persistence.RecordingFixtures.audio;
import static io.onair.streaming.infrastructure.persistence.RecordingFixtures.endBroadcast;
import static io.onair.streaming.infrastructure.persistence.RecordingFixtures.initPath;
import static io.onair.streaming.infrastructure.persistence.RecordingFixtures.segments;
import static io.onair.streaming.infrastructure.persistence.RecordingFixtures.startBroadcast;
import static io.onair.streaming.infrastructure.persistence.RecordingFixtures.video;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.streaming.domain.broadcast.Broadcast;
import io.onair.streaming.domain.channel.ChannelName;
import io.onair.streaming.domain.recording.NewSegment;
import io.onair.streaming.domain.recording.RecordedSegment;
import io.onair.streaming.domain.recording.RecordedTrack;
import io.onair.streaming.domain.recording.TrackDescription;
import io.onair.streaming.media.manifest.TrackKind;
import io.onair.streaming.media.manifest.TrackRef;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The recording index on a real PostgreSQL: tracks, batched idempotent segments, the queries. */
class JpaRecordingRepositoryTest {

  private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
  private static final long TWO_SECONDS = 2L * VIDEO_TIMESCALE;
  private static final TrackRef VIDEO = new TrackRef("720p", TrackKind.VIDEO);
  private static final TrackRef AUDIO = new TrackRef("720p", TrackKind.AUDIO);

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

  private static void addTrack(long broadcastId, TrackDescription description) {
    db.inTransaction(
        em -> {
          Broadcast broadcast = new JpaBroadcastRepository(em).find(broadcastId).orElseThrow();
          new JpaRecordingRepository(em)
              .addTrack(
                  new RecordedTrack(
                      broadcast, description, initPath(broadcastId, description.track())));
        });
  }

  private static RecordedTrack track(long broadcastId, TrackRef ref) {
    return db.fromTransaction(
        em -> new JpaRecordingRepository(em).findTrack(broadcastId, ref).orElseThrow());
  }

  private static List<RecordedTrack> tracksOf(long broadcastId) {
    return db.fromTransaction(em -> new JpaRecordingRepository(em).tracksOf(broadcastId));
  }

  private static List<Broadcast> endedSince(Instant since) {
    return db.fromTransaction(em -> new JpaBroadcastRepository(em).endedSince(since));
  }

  private static int add(List<NewSegment> segments) {
    return db.fromTransaction(em -> new JpaRecordingRepository(em).addSegments(segments));
  }

  private static List<RecordedSegment> segmentsOf(long broadcastId, TrackRef ref) {
    RecordedTrack track = track(broadcastId, ref);
    return db.fromTransaction(em -> new JpaRecordingRepository(em).segmentsOf(track));
  }

  private static List<NewSegment> videoSegments(long broadcastId, long first, int count) {
    return segments(broadcastId, VIDEO, first, count, TWO_SECONDS, VIDEO_TIMESCALE, 1000, T0);
  }

  /** A broadcast with a 720p video and audio track. */
  private static long recorded(String channel) {
    long id = startBroadcast(db, channel, T0);
    addTrack(id, video("720p"));
    addTrack(id, audio("720p"));
    return id;
  }

  @Test
  void aTrackKeepsItsDescriptionAndInitPath() {
    long id = recorded("track-round-trip");
    RecordedTrack video = track(id, VIDEO);
    RecordedTrack audio = track(id, AUDIO);

    assertThat(video.description()).isEqualTo(video("720p"));
    assertThat(video.timescale()).isEqualTo(VIDEO_TIMESCALE);
    assertThat(video.initPath()).isEqualTo("broadcasts/" + id + "/720p/video/init.mp4");
    assertThat(audio.description()).isEqualTo(audio("720p"));
    assertThat(audio.audio().sampleRate()).isEqualTo(AUDIO_TIMESCALE);
    assertThat(tracksOf(id)).extracting(RecordedTrack::ref).containsExactly(VIDEO, AUDIO);
  }

  @Test
  void theTracksOfABroadcastComeInTheOrderTheyWereAdded() {
    long id = startBroadcast(db, "track-order", T0);
    for (String rendition : List.of("source", "1080p", "360p")) {
      addTrack(id, video(rendition));
    }
    assertThat(tracksOf(id))
        .extracting(t -> t.ref().rendition())
        .containsExactly("source", "1080p", "360p");
  }

  @Test
  void theDatabaseRefusesASecondTrackOfTheSameRenditionAndKind() {
    long id = recorded("track-twice");
    assertThatThrownBy(() -> addTrack(id, video("720p", 5_000_000, 4_000_000)))
        .isInstanceOf(PersistenceException.class);
  }

  @Test
  void segmentsAreAddedAsOneBatchAndReadBackInOrder() {
    long id = recorded("segments-batch");
    List<NewSegment> batch = new ArrayList<>(videoSegments(id, 0, 5));
    Collections.reverse(batch);

    assertThat(add(batch)).isEqualTo(5);

    List<RecordedSegment> read = segmentsOf(id, VIDEO);
    assertThat(read).extracting(RecordedSegment::number).containsExactly(0L, 1L, 2L, 3L, 4L);
    RecordedSegment third = read.get(2);
    assertThat(third.startTime()).isEqualTo(2 * TWO_SECONDS);
    assertThat(third.duration()).isEqualTo(TWO_SECONDS);
    assertThat(third.programDateTime()).isEqualTo(T0.plusSeconds(4));
    assertThat(third.byteSize()).isEqualTo(1000);
    assertThat(third.path()).isEqualTo("broadcasts/" + id + "/720p/video/2.m4s");
    assertThat(third.endsAt(VIDEO_TIMESCALE)).isEqualTo(T0.plusSeconds(6));
    assertThat(segmentsOf(id, AUDIO)).isEmpty();
  }

  @Test
  void aProgramDateTimeKeepsItsMicroseconds() {
    long id = recorded("segments-micros");
    Instant precise = T0.plus(123_456, ChronoUnit.MICROS);
    NewSegment segment =
        new NewSegment(id, VIDEO, 0, 0, TWO_SECONDS, precise, 10, "broadcasts/x/0.m4s");
    add(List.of(segment));
    assertThat(segmentsOf(id, VIDEO).get(0).programDateTime()).isEqualTo(precise);
  }

  @Test
  void addingSegmentsAgainChangesNothing() {
    long id = recorded("segments-again");
    add(videoSegments(id, 0, 3));
    List<NewSegment> other =
        segments(id, VIDEO, 1, 3, TWO_SECONDS, VIDEO_TIMESCALE, 5555, T0.plusSeconds(60));

    assertThat(add(other)).as("only segment 3 is new").isEqualTo(1);
    assertThat(segmentsOf(id, VIDEO))
        .extracting(RecordedSegment::byteSize)
        .containsExactly(1000L, 1000L, 1000L, 5555L);
  }

  @Test
  void aSegmentWhoseTrackIsNotIndexedIsSkipped() {
    long id = recorded("segments-no-track");
    List<NewSegment> batch = new ArrayList<>(videoSegments(id, 0, 2));
    TrackRef unknown = new TrackRef("360p", TrackKind.VIDEO);
    batch.addAll(segments(id, unknown, 0, 2, TWO_SECONDS, VIDEO_TIMESCALE, 10, T0));

    assertThat(add(batch)).isEqualTo(2);
    assertThat(segmentsOf(id, VIDEO)).hasSize(2);
  }

  @Test
  void aTrackAddedInTheSameTransactionTakesItsSegments() {
    long id = startBroadcast(db, "segments-same-tx", T0);
    int added =
        db.fromTransaction(
            em -> {
              JpaRecordingRepository recordings = new JpaRecordingRepository(em);
              Broadcast broadcast = new JpaBroadcastRepository(em).find(id).orElseThrow();
              recordings.addTrack(new RecordedTrack(broadcast, video("720p"), initPath(id, VIDEO)));
              return recordings.addSegments(videoSegments(id, 0, 2));
            });
    assertThat(added).isEqualTo(2);
  }

  @Test
  void theLastSegmentAndTheNumbersOfATrackAreRead() {
    long id = recorded("segments-last");
    add(videoSegments(id, 0, 4));
    RecordedTrack track = track(id, VIDEO);
    RecordedTrack audio = track(id, AUDIO);
    db.inTransaction(
        em -> {
          JpaRecordingRepository recordings = new JpaRecordingRepository(em);
          assertThat(recordings.lastSegmentOf(track).orElseThrow().number()).isEqualTo(3);
          assertThat(recordings.segmentNumbersOf(track)).containsExactly(0L, 1L, 2L, 3L);
          assertThat(recordings.lastSegmentOf(audio)).isEmpty();
        });
  }

  @Test
  void deletingSegmentsOrATrackLeavesTheRest() {
    long id = recorded("segments-delete");
    add(videoSegments(id, 0, 4));
    add(segments(id, AUDIO, 0, 2, 96_000, AUDIO_TIMESCALE, 100, T0));
    RecordedTrack video = track(id, VIDEO);
    RecordedTrack audio = track(id, AUDIO);

    int deleted =
        db.fromTransaction(
            em -> new JpaRecordingRepository(em).deleteSegments(video, List.of(1L, 3L, 9L)));
    db.inTransaction(em -> new JpaRecordingRepository(em).deleteTrack(audio));

    assertThat(deleted).isEqualTo(2);
    assertThat(segmentsOf(id, VIDEO)).extracting(RecordedSegment::number).containsExactly(0L, 2L);
    assertThat(tracksOf(id)).extracting(RecordedTrack::ref).containsExactly(VIDEO);
    assertThat(count("select count(*) from recorded_segment where track_id = " + audio.id()))
        .isZero();
  }

  /** A disk lost under a day-long broadcast: more numbers than one statement may carry. */
  @Test
  void deletingMoreSegmentsThanOneStatementCanNameWorks() {
    long id = recorded("segments-delete-many");
    add(videoSegments(id, 0, 3));
    RecordedTrack video = track(id, VIDEO);
    List<Long> numbers = LongStream.range(0, 70_000).boxed().toList();

    int deleted =
        db.fromTransaction(em -> new JpaRecordingRepository(em).deleteSegments(video, numbers));

    assertThat(deleted).isEqualTo(3);
    assertThat(segmentsOf(id, VIDEO)).isEmpty();
  }

  @Test
  void deletingARecordingDeletesItsTracksAndSegmentsButNotTheBroadcast() {
    long id = recorded("recording-delete");
    long other = recorded("recording-keep");
    add(videoSegments(id, 0, 3));
    add(videoSegments(other, 0, 2));

    int deleted = db.fromTransaction(em -> new JpaRecordingRepository(em).deleteRecordingOf(id));

    assertThat(deleted).isEqualTo(3);
    assertThat(tracksOf(id)).isEmpty();
    assertThat(segmentsOf(other, VIDEO)).hasSize(2);
    Optional<Broadcast> broadcast =
        db.fromTransaction(em -> new JpaBroadcastRepository(em).find(id));
    assertThat(broadcast).isPresent();
  }

  @Test
  void theReplaysOfAChannelAreItsEndedBroadcastsWithARecordingNewestFirst() {
    long first = recorded("replays");
    endBroadcast(db, first, T0.plusSeconds(60));
    long unrecorded = startBroadcast(db, "replays", T0.plusSeconds(100));
    endBroadcast(db, unrecorded, T0.plusSeconds(160));
    long second = startBroadcast(db, "replays", T0.plusSeconds(200));
    addTrack(second, video("720p"));
    endBroadcast(db, second, T0.plusSeconds(260));
    long live = startBroadcast(db, "replays", T0.plusSeconds(300));
    addTrack(live, video("720p"));
    recorded("replays-elsewhere");

    List<Long> replays =
        db.fromTransaction(
            em -> {
              JpaRecordingRepository recordings = new JpaRecordingRepository(em);
              var channel =
                  new JpaChannelRepository(em).find(new ChannelName("replays")).orElseThrow();
              assertThat(recordings.replaysOf(channel, 1))
                  .extracting(Broadcast::id)
                  .containsExactly(second);
              return recordings.replaysOf(channel, 10).stream().map(Broadcast::id).toList();
            });
    assertThat(replays).containsExactly(second, first);
  }

  @Test
  void theExpiredRecordingsAreThoseEndedBeforeTheCutoffOldestFirst() throws SQLException {
    Instant base = Instant.parse("2020-01-01T00:00:00Z"); // before every other test's broadcasts
    long older = recorded("expiry-older");
    long newer = recorded("expiry-newer");
    long unrecorded = startBroadcast(db, "expiry-none", T0);
    execute(
        "update broadcast set state = 'ENDED', started_at = '2019-12-01Z', ended_at = '"
            + base.minus(Duration.ofDays(3))
            + "' where id in ("
            + older
            + ", "
            + unrecorded
            + ")");
    execute(
        "update broadcast set state = 'ENDED', started_at = '2019-12-01Z', ended_at = '"
            + base.minus(Duration.ofDays(1))
            + "' where id = "
            + newer);

    db.inTransaction(
        em -> {
          JpaRecordingRepository recordings = new JpaRecordingRepository(em);
          assertThat(recordings.recordingsEndedBefore(base, 10)).containsExactly(older, newer);
          assertThat(recordings.recordingsEndedBefore(base, 1)).containsExactly(older);
          assertThat(recordings.recordingsEndedBefore(base.minus(Duration.ofDays(2)), 10))
              .containsExactly(older);
        });
  }

  @Test
  void theBroadcastsEndedSinceAnInstantAreFoundOldestFirst() {
    Instant later = Instant.parse("2030-01-01T00:00:00Z"); // after every other test's broadcasts
    long a = startBroadcast(db, "ended-since-a", later);
    long b = startBroadcast(db, "ended-since-b", later);
    startBroadcast(db, "ended-since-live", later);
    endBroadcast(db, b, later.plusSeconds(10));
    endBroadcast(db, a, later.plusSeconds(20));

    assertThat(endedSince(later.plusSeconds(10))).extracting(Broadcast::id).containsExactly(b, a);
    assertThat(endedSince(later.plusSeconds(11))).extracting(Broadcast::id).containsExactly(a);
  }

  @Test
  void theDatabaseRefusesSegmentsAndTracksThatBreakTheRules() throws SQLException {
    long id = recorded("checks");
    long track = track(id, VIDEO).id();
    String segment =
        "insert into recorded_segment (track_id, sequence_number, start_time, duration,"
            + " program_date_time, byte_size, path) values ("
            + track
            + ", %d, 0, %d, now(), %d, 'p')";
    assertThatThrownBy(() -> execute(String.format(segment, 0, 0, 10)))
        .hasMessageContaining("check");
    assertThatThrownBy(() -> execute(String.format(segment, 0, 10, 0)))
        .hasMessageContaining("check");
    assertThatThrownBy(() -> execute(String.format(segment, -1, 10, 10)))
        .hasMessageContaining("check");
    String trackRow =
        "insert into recorded_track (broadcast_id, rendition, kind, codecs, timescale, width, height,"
            + " frame_rate_num, frame_rate_den, sample_rate, channels, peak_bandwidth,"
            + " average_bandwidth, init_path) values ("
            + id
            + ", '%s', '%s', 'avc1.64001f', 90000,"
            + " %s, 720, 30, 1, %s, null, 2, 1, 'p')";
    assertThatThrownBy(() -> execute(String.format(trackRow, "../etc", "VIDEO", "1280", "null")))
        .hasMessageContaining("check");
    assertThatThrownBy(() -> execute(String.format(trackRow, "a", "VIDEO", "null", "null")))
        .hasMessageContaining("check");
    assertThatThrownBy(() -> execute(String.format(trackRow, "b", "AUDIO", "null", "48000")))
        .as("audio with a picture height")
        .hasMessageContaining("check");
    execute(String.format(trackRow, "c", "VIDEO", "1280", "null")); // the same row, valid
  }

  @Test
  void deletingATrackRowDeletesItsSegmentsInTheDatabase() throws SQLException {
    long id = recorded("cascade");
    add(videoSegments(id, 0, 3));
    long track = track(id, VIDEO).id();
    execute("delete from recorded_track where id = " + track);
    assertThat(count("select count(*) from recorded_segment where track_id = " + track)).isZero();
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement statement = c.createStatement()) {
      statement.execute(sql);
    }
  }

  private static long count(String sql) {
    try (Connection c = db.dataSource().getConnection();
        Statement statement = c.createStatement();
        var rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
