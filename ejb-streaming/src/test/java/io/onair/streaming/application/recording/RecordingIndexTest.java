package io.onair.streaming.application.recording;

import static io.onair.streaming.infrastructure.persistence.RecordingFixtures.audio;
import static io.onair.streaming.infrastructure.persistence.RecordingFixtures.startBroadcast;
import static io.onair.streaming.infrastructure.persistence.RecordingFixtures.video;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From the packager's call to the index row, without the container: the recorder stores and queues,
 * the drain writes batches on a real PostgreSQL.
 */
class RecordingIndexTest {

  private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
  private static final TrackRef VIDEO = new TrackRef("720p", TrackKind.VIDEO);
  private static final TrackRef AUDIO = new TrackRef("720p", TrackKind.AUDIO);

  private static MigratedDatabase db;
  private static RecordingTransactions transactions;

  @TempDir Path root;

  @BeforeAll
  static void start() throws IOException {
    db = MigratedDatabase.start();
    transactions = new DatabaseTransactions(db);
  }

  @AfterAll
  static void stop() throws IOException {
    if (db != null) {
      db.close();
    }
  }

  private IndexQueue queue = new IndexQueue(100);

  private Recorder recorder() {
    return new Recorder(new SegmentStore(root), queue);
  }

  private IndexDrain drain() {
    return new IndexDrain(
        queue, batch -> transactions.inNewTransaction(r -> new IndexBatch(r).write(batch)), 4);
  }

  private static List<RecordedTrack> tracks(long broadcastId) {
    return transactions.inNewTransaction(r -> r.recordings().tracksOf(broadcastId));
  }

  private static List<RecordedSegment> segments(long broadcastId, TrackRef ref) {
    return transactions.inNewTransaction(
        r -> r.recordings().segmentsOf(r.recordings().findTrack(broadcastId, ref).orElseThrow()));
  }

  private static Instant at(SegmenterEvent.SegmentComplete segment, int timescale) {
    return T0.plusNanos(segment.start() * 1_000_000_000L / timescale);
  }

  private void record(long id, int segments) throws IOException {
    Recorder recorder = recorder();
    recorder.startTrack(id, video("720p"), new byte[] {1, 2, 3});
    recorder.startTrack(id, audio("720p"), new byte[] {4, 5});
    for (int n = 0; n < segments; n++) {
      recorder.storeSegment(id, VIDEO, Fmp4.video(n), at(Fmp4.video(n), 90_000));
      recorder.storeSegment(id, AUDIO, Fmp4.audio(n), at(Fmp4.audio(n), 48_000));
    }
  }

  @Test
  void storedSegmentsAreIndexedOnlyWhenTheDrainRuns() throws IOException {
    long id = startBroadcast(db, "index-drain", T0);
    record(id, 3);

    assertThat(Files.exists(root.resolve("broadcasts/" + id + "/720p/video/2.m4s"))).isTrue();
    assertThat(tracks(id)).as("nothing before the drain").isEmpty();

    assertThat(drain().drain()).isEqualTo(8);

    assertThat(tracks(id)).extracting(RecordedTrack::ref).containsExactly(VIDEO, AUDIO);
    List<RecordedSegment> video = segments(id, VIDEO);
    assertThat(video).extracting(RecordedSegment::number).containsExactly(0L, 1L, 2L);
    assertThat(video.get(1).startTime()).isEqualTo(180_000);
    assertThat(video.get(1).duration()).isEqualTo(180_000);
    assertThat(video.get(1).programDateTime()).isEqualTo(T0.plusSeconds(2));
    assertThat(segments(id, AUDIO)).hasSize(3);
  }

  @Test
  void everyRowNamesAFileOfExactlyItsSize() throws IOException {
    long id = startBroadcast(db, "index-sizes", T0);
    record(id, 2);
    drain().drain();

    for (TrackRef track : List.of(VIDEO, AUDIO)) {
      for (RecordedSegment row : segments(id, track)) {
        assertThat(Files.size(root.resolve(row.path()))).isEqualTo(row.byteSize());
      }
    }
    assertThat(tracks(id))
        .allSatisfy(t -> assertThat(Files.exists(root.resolve(t.initPath()))).isTrue());
  }

  @Test
  void aTrackOfABroadcastThatDoesNotExistIsNotIndexedNorAreItsSegments() throws IOException {
    Recorder recorder = recorder();
    recorder.startTrack(999_999, video("720p"), new byte[] {1});
    recorder.storeSegment(999_999, VIDEO, Fmp4.video(0), T0);
    long id = startBroadcast(db, "index-next-to-unknown", T0);
    record(id, 1);

    drain().drain();

    assertThat(tracks(999_999)).isEmpty();
    assertThat(segments(id, VIDEO)).hasSize(1);
  }

  @Test
  void writingABatchAgainChangesNothing() throws IOException {
    long id = startBroadcast(db, "index-again", T0);
    record(id, 2);
    List<IndexEntry> batch = queue.poll(100);

    int first = transactions.inNewTransaction(r -> new IndexBatch(r).write(batch));
    int second = transactions.inNewTransaction(r -> new IndexBatch(r).write(batch));

    assertThat(first).isEqualTo(4);
    assertThat(second).isZero();
    assertThat(tracks(id)).hasSize(2);
  }

  @Test
  void startingATrackAgainWithTheSameHeaderIndexesItOnce() throws IOException {
    long id = startBroadcast(db, "index-restart-track", T0);
    Recorder recorder = recorder();
    recorder.startTrack(id, video("720p"), new byte[] {1, 2});
    recorder.startTrack(id, video("720p"), new byte[] {1, 2});

    drain().drain();

    assertThat(tracks(id)).hasSize(1);
  }

  @Test
  void aFullQueueRefusesTheSegmentButItsFileStays() throws IOException {
    queue = new IndexQueue(1);
    long id = startBroadcast(db, "index-full", T0);
    Recorder recorder = recorder();
    recorder.startTrack(id, video("720p"), new byte[] {1});

    assertThat(recorder.storeSegment(id, VIDEO, Fmp4.video(0), T0)).isTrue();
    assertThat(recorder.storeSegment(id, VIDEO, Fmp4.video(1), T0.plusSeconds(2))).isFalse();
    drain().drain();

    assertThat(segments(id, VIDEO)).extracting(RecordedSegment::number).containsExactly(0L);
    assertThat(Files.exists(root.resolve("broadcasts/" + id + "/720p/video/1.m4s"))).isTrue();
  }
}
