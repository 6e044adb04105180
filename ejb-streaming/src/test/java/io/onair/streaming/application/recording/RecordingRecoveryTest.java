package io.onair.streaming.application.recording;

import static io.onair.streaming.infrastructure.persistence.RecordingFixtures.audio;
import static io.onair.streaming.infrastructure.persistence.RecordingFixtures.endBroadcast;
import static io.onair.streaming.infrastructure.persistence.RecordingFixtures.startBroadcast;
import static io.onair.streaming.infrastructure.persistence.RecordingFixtures.video;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.onair.streaming.domain.broadcast.Broadcast;
import io.onair.streaming.domain.recording.RecordedSegment;
import io.onair.streaming.domain.recording.RecordedTrack;
import io.onair.streaming.infrastructure.persistence.MigratedDatabase;
import io.onair.streaming.infrastructure.storage.SegmentStore;
import io.onair.streaming.media.cmaf.SegmenterEvent;
import io.onair.streaming.media.manifest.TrackKind;
import io.onair.streaming.media.manifest.TrackRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a crash: what recovery finds on disk and in the index, and what it leaves. Each test builds
 * the state a crash leaves for its own broadcast (through the recorder and the drain, then by
 * breaking things), runs the recovery, and checks that broadcast.
 */
class RecordingRecoveryTest {

  private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
  private static final Clock NOW = Clock.fixed(T0.plus(Duration.ofHours(2)), ZoneOffset.UTC);
  private static final TrackRef VIDEO = new TrackRef("720p", TrackKind.VIDEO);
  private static final TrackRef AUDIO = new TrackRef("720p", TrackKind.AUDIO);

  private static MigratedDatabase db;
  private static RecordingTransactions transactions;
  @TempDir static Path root;
  private static SegmentStore store;

  @BeforeAll
  static void start() throws IOException {
    db = MigratedDatabase.start();
    transactions = new DatabaseTransactions(db);
    store = new SegmentStore(root);
  }

  @AfterAll
  static void stop() throws IOException {
    if (db != null) {
      db.close();
    }
  }

  /** A broadcast with 720p video and audio and {@code segments} of each, indexed. */
  private static long recorded(String channel, int segments) throws IOException {
    long id = startBroadcast(db, channel, T0);
    IndexQueue queue = new IndexQueue(1000);
    Recorder recorder = new Recorder(store, queue);
    recorder.startTrack(id, video("720p"), new byte[] {1});
    recorder.startTrack(id, audio("720p"), new byte[] {2});
    for (int n = 0; n < segments; n++) {
      recorder.storeSegment(id, VIDEO, Fmp4.video(n), wallClock(Fmp4.video(n), 90_000));
      recorder.storeSegment(id, AUDIO, Fmp4.audio(n), wallClock(Fmp4.audio(n), 48_000));
    }
    new IndexDrain(
            queue, batch -> transactions.inNewTransaction(r -> new IndexBatch(r).write(batch)), 50)
        .drain();
    return id;
  }

  private static Instant wallClock(SegmenterEvent.SegmentComplete segment, int timescale) {
    return T0.plusNanos(segment.start() * 1_000_000_000L / timescale);
  }

  private static List<Long> recover() {
    return new RecordingRecovery(store, transactions, NOW).recover();
  }

  private static Broadcast broadcast(long id) {
    return transactions.inNewTransaction(r -> r.broadcasts().find(id).orElseThrow());
  }

  private static List<RecordedSegment> segments(long id, TrackRef ref) {
    return transactions.inNewTransaction(
        r ->
            r.recordings()
                .findTrack(id, ref)
                .map(t -> r.recordings().segmentsOf(t))
                .orElse(List.of()));
  }

  private static List<Long> numbers(long id, TrackRef ref) {
    return segments(id, ref).stream().map(RecordedSegment::number).toList();
  }

  private static Path file(long id, String relative) {
    return root.resolve("broadcasts/" + id + "/" + relative);
  }

  @Test
  void aLiveBroadcastIsEndedWhereItsLastSegmentEnds() throws IOException {
    long id = recorded("recovery-live", 3);

    assertThat(recover()).contains(id);

    Broadcast ended = broadcast(id);
    assertThat(ended.isLive()).isFalse();
    // Audio: 3 x 94 x 1024 samples at 48 kHz = 6.016 s; video ends at 6 s. Wall-clock times are
    // kept in microseconds, so a fraction of one is lost on the way.
    assertThat(ended.endedAt()).isCloseTo(T0.plusMillis(6016), within(1, ChronoUnit.MICROS));
  }

  @Test
  void aLiveBroadcastWithoutSegmentsIsEndedWhenItStarted() {
    long id = startBroadcast(db, "recovery-empty", T0.plusSeconds(30));
    recover();
    assertThat(broadcast(id).isLive()).isFalse();
    assertThat(broadcast(id).endedAt()).isEqualTo(T0.plusSeconds(30));
  }

  @Test
  void temporaryFilesAreDeleted() throws IOException {
    long id = recorded("recovery-temp", 1);
    Path temp = file(id, "720p/video/.1.m4s.4711.tmp");
    Files.write(temp, new byte[] {1, 2, 3});

    recover();

    assertThat(Files.exists(temp)).isFalse();
    assertThat(numbers(id, VIDEO)).containsExactly(0L);
  }

  @Test
  void aRowWhoseFileIsMissingIsDeleted() throws IOException {
    long id = recorded("recovery-lost-file", 3);
    Files.delete(file(id, "720p/video/2.m4s"));

    recover();

    assertThat(numbers(id, VIDEO)).containsExactly(0L, 1L);
    assertThat(numbers(id, AUDIO)).containsExactly(0L, 1L, 2L);
    assertThat(broadcast(id).endedAt())
        .as("audio still ends at 6.016 s")
        .isCloseTo(T0.plusMillis(6016), within(1, ChronoUnit.MICROS));
  }

  /** The queue died with the process: the files of the last segments are there, the rows not. */
  @Test
  void aCompleteFileWithoutRowIsIndexedFromItsOwnFragments() throws IOException {
    long id = recorded("recovery-orphan", 2);
    store.writeSegment(id, VIDEO, 2, Fmp4.video(2).bytes());
    store.writeSegment(id, VIDEO, 3, Fmp4.video(3).bytes());

    recover();

    List<RecordedSegment> video = segments(id, VIDEO);
    assertThat(video).extracting(RecordedSegment::number).containsExactly(0L, 1L, 2L, 3L);
    RecordedSegment recovered = video.get(3);
    assertThat(recovered.startTime()).isEqualTo(3 * 180_000);
    assertThat(recovered.duration()).isEqualTo(180_000);
    assertThat(recovered.programDateTime()).isEqualTo(T0.plusSeconds(6));
    assertThat(recovered.byteSize()).isEqualTo(Fmp4.video(3).bytes().length);
    assertThat(recovered.path()).isEqualTo("broadcasts/" + id + "/720p/video/3.m4s");
    assertThat(broadcast(id).endedAt())
        .as("the recovered segments count")
        .isEqualTo(T0.plusSeconds(8));
  }

  @Test
  void anOrphanOfATrackWithoutAnyRowTakesItsTimeFromTheBroadcastStart() throws IOException {
    long id = recorded("recovery-first-orphan", 0);
    store.writeSegment(id, AUDIO, 0, Fmp4.audio(0).bytes());
    store.writeSegment(id, AUDIO, 1, Fmp4.audio(1).bytes());

    recover();

    assertThat(segments(id, AUDIO))
        .extracting(RecordedSegment::programDateTime)
        .containsExactly(T0, T0.plusNanos(2_005_333_000)); // 94 x 1024 / 48 kHz, in microseconds
  }

  @Test
  void aFileThatIsNoSegmentIsDeleted() throws IOException {
    long id = recorded("recovery-garbage", 1);
    store.writeSegment(id, VIDEO, 1, new byte[] {0, 0, 0, 9, 'j', 'u', 'n', 'k'});

    recover();

    assertThat(numbers(id, VIDEO)).containsExactly(0L);
    assertThat(Files.exists(file(id, "720p/video/1.m4s"))).isFalse();
  }

  @Test
  void filesOfATrackThatWasNeverIndexedAreDeleted() throws IOException {
    long id = recorded("recovery-unindexed-track", 1);
    TrackRef lost = new TrackRef("360p", TrackKind.VIDEO);
    store.writeInit(id, lost, new byte[] {1});
    store.writeSegment(id, lost, 0, Fmp4.video(0).bytes());

    recover();

    assertThat(Files.exists(file(id, "360p/video"))).isFalse();
    assertThat(numbers(id, VIDEO)).containsExactly(0L);
  }

  @Test
  void aTrackWhoseHeaderIsLostIsDeletedWithItsSegments() throws IOException {
    long id = recorded("recovery-lost-init", 2);
    Files.delete(file(id, "720p/audio/init.mp4"));

    recover();

    List<RecordedTrack> tracks = transactions.inNewTransaction(r -> r.recordings().tracksOf(id));
    assertThat(tracks).extracting(RecordedTrack::ref).containsExactly(VIDEO);
    assertThat(Files.exists(file(id, "720p/audio"))).isFalse();
    assertThat(numbers(id, VIDEO)).containsExactly(0L, 1L);
  }

  @Test
  void filesTheStoreNeverWritesAreLeftAlone() throws IOException {
    long id = recorded("recovery-foreign", 1);
    Path notes = file(id, "720p/video/notes.txt");
    Files.writeString(notes, "operator's notes");

    recover();

    assertThat(notes).hasContent("operator's notes");
  }

  @Test
  void aBroadcastThatEndedLongBeforeTheCrashIsNotChecked() throws IOException {
    long id = recorded("recovery-old", 2);
    endBroadcast(db, id, T0.plusSeconds(4));
    Clock muchLater = Clock.offset(NOW, RecordingRecovery.RECENT);
    Files.delete(file(id, "720p/video/1.m4s"));

    new RecordingRecovery(store, transactions, muchLater).recover();

    assertThat(numbers(id, VIDEO)).containsExactly(0L, 1L);
  }

  @Test
  void aRecentlyEndedBroadcastIsCheckedButNotEndedAgain() throws IOException {
    long id = recorded("recovery-recent", 2);
    endBroadcast(db, id, T0.plusSeconds(3));
    store.writeSegment(id, VIDEO, 2, Fmp4.video(2).bytes());

    assertThat(recover()).doesNotContain(id);

    assertThat(numbers(id, VIDEO)).containsExactly(0L, 1L, 2L);
    assertThat(broadcast(id).endedAt()).isEqualTo(T0.plusSeconds(3));
  }

  @Test
  void recoveringTwiceChangesNothingTheSecondTime() throws IOException {
    long id = recorded("recovery-twice", 2);
    store.writeSegment(id, VIDEO, 2, Fmp4.video(2).bytes());
    Files.delete(file(id, "720p/audio/0.m4s"));
    recover();
    List<RecordedSegment> video = segments(id, VIDEO);
    List<RecordedSegment> audio = segments(id, AUDIO);
    List<Path> files = files(id);

    recover();

    assertThat(segments(id, VIDEO)).usingRecursiveFieldByFieldElementComparator().isEqualTo(video);
    assertThat(segments(id, AUDIO)).usingRecursiveFieldByFieldElementComparator().isEqualTo(audio);
    assertThat(files(id)).isEqualTo(files);
    assertThat(broadcast(id).endedAt()).isEqualTo(T0.plusSeconds(6));
  }

  private static List<Path> files(long id) throws IOException {
    try (Stream<Path> walk = Files.walk(file(id, ""))) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }

  /** The index and the files agree for a broadcast: every row has its file and every file a row. */
  @Test
  void afterRecoveryEveryRowHasItsFileAndEveryFileItsRow() throws IOException {
    long id = recorded("recovery-agree", 3);
    store.writeSegment(id, AUDIO, 3, Fmp4.audio(3).bytes());
    Files.delete(file(id, "720p/video/1.m4s"));
    Files.write(file(id, "720p/audio/.4.m4s.1.tmp"), new byte[] {1});

    recover();

    for (TrackRef track : List.of(VIDEO, AUDIO)) {
      List<Long> rows = numbers(id, track);
      assertThat(store.list(id, track).segments()).containsExactlyElementsOf(rows);
      assertThat(store.list(id, track).temporary()).isZero();
      for (RecordedSegment row : segments(id, track)) {
        assertThat(Files.size(root.resolve(row.path()))).isEqualTo(row.byteSize());
      }
    }
    assertThat(Optional.of(numbers(id, AUDIO))).contains(List.of(0L, 1L, 2L, 3L));
  }
}
