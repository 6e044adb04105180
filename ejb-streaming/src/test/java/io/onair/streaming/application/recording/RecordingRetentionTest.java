package io.onair.streaming.application.recording;

import static io.onair.streaming.infrastructure.persistence.RecordingFixtures.audio;
import static io.onair.streaming.infrastructure.persistence.RecordingFixtures.endBroadcast;
import static io.onair.streaming.infrastructure.persistence.RecordingFixtures.startBroadcast;
import static io.onair.streaming.infrastructure.persistence.RecordingFixtures.video;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.streaming.domain.broadcast.Broadcast;
import io.onair.streaming.domain.recording.RecordedTrack;
import io.onair.streaming.infrastructure.persistence.MigratedDatabase;
import io.onair.streaming.infrastructure.storage.SegmentStore;
import io.onair.streaming.media.manifest.TrackKind;
import io.onair.streaming.media.manifest.TrackRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expired replays lose their files and rows; nothing else does. A database per test. */
class RecordingRetentionTest {

  private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
  private static final Duration KEEP = Duration.ofDays(30);
  private static final TrackRef VIDEO = new TrackRef("720p", TrackKind.VIDEO);

  private MigratedDatabase db;
  private RecordingTransactions transactions;
  @TempDir Path root;
  private SegmentStore store;

  @BeforeEach
  void start() throws IOException {
    db = MigratedDatabase.start();
    transactions = new DatabaseTransactions(db);
    store = new SegmentStore(root);
  }

  @AfterEach
  void stop() throws IOException {
    db.close();
  }

  /** A broadcast recorded with two segments, ended {@code endedAgo} before now (or live). */
  private long recorded(String channel, Optional<Duration> endedAgo) throws IOException {
    long id = startBroadcast(db, channel, T0.minus(Duration.ofDays(60)));
    IndexQueue queue = new IndexQueue(100);
    Recorder recorder = new Recorder(store, queue);
    recorder.startTrack(id, video("720p"), new byte[] {1});
    recorder.startTrack(id, audio("720p"), new byte[] {2});
    recorder.storeSegment(id, VIDEO, Fmp4.video(0), T0);
    recorder.storeSegment(id, VIDEO, Fmp4.video(1), T0);
    new IndexDrain(
            queue, batch -> transactions.inNewTransaction(r -> new IndexBatch(r).write(batch)), 10)
        .drain();
    endedAgo.ifPresent(ago -> endBroadcast(db, id, T0.minus(ago)));
    return id;
  }

  private RecordingRetention retention(SegmentStore on) {
    return new RecordingRetention(on, transactions, Clock.fixed(T0, ZoneOffset.UTC), KEEP);
  }

  private List<RecordedTrack> tracks(long id) {
    return transactions.inNewTransaction(r -> r.recordings().tracksOf(id));
  }

  private boolean hasFiles(long id) {
    return Files.exists(root.resolve("broadcasts/" + id));
  }

  @Test
  void anExpiredReplayLosesItsFilesAndRowsButTheBroadcastStays() throws IOException {
    long expired = recorded("retention-expired", Optional.of(KEEP.plusSeconds(1)));

    assertThat(retention(store).run(10)).isEqualTo(1);

    assertThat(hasFiles(expired)).isFalse();
    assertThat(tracks(expired)).isEmpty();
    Optional<Broadcast> broadcast =
        transactions.inNewTransaction(r -> r.broadcasts().find(expired));
    assertThat(broadcast).isPresent();
  }

  @Test
  void replaysWithinTheRetentionAndLiveBroadcastsAreKept() throws IOException {
    long recent = recorded("retention-recent", Optional.of(KEEP.minusSeconds(1)));
    long live = recorded("retention-live", Optional.empty());

    assertThat(retention(store).run(10)).isZero();

    assertThat(hasFiles(recent)).isTrue();
    assertThat(tracks(recent)).hasSize(2);
    assertThat(hasFiles(live)).isTrue();
    assertThat(tracks(live)).hasSize(2);
  }

  @Test
  void oneRunDeletesAtMostMaxOldestFirst() throws IOException {
    long oldest = recorded("retention-a", Optional.of(KEEP.plusDays(3)));
    long middle = recorded("retention-b", Optional.of(KEEP.plusDays(2)));
    long newest = recorded("retention-c", Optional.of(KEEP.plusDays(1)));

    assertThat(retention(store).run(2)).isEqualTo(2);
    assertThat(tracks(oldest)).isEmpty();
    assertThat(tracks(middle)).isEmpty();
    assertThat(tracks(newest)).hasSize(2);

    assertThat(retention(store).run(2)).isEqualTo(1);
    assertThat(tracks(newest)).isEmpty();
  }

  /** Files first: a crash after them leaves rows, which the next run finds and deletes. */
  @Test
  void aRunInterruptedAfterTheFilesIsFinishedByTheNextOne() throws IOException {
    long id = recorded("retention-crash", Optional.of(KEEP.plusDays(1)));
    store.deleteBroadcast(id); // the files went, then the process died

    assertThat(retention(store).run(10)).isEqualTo(1);

    assertThat(tracks(id)).isEmpty();
  }

  @Test
  void aReplayWhoseFilesCannotBeDeletedKeepsItsRowsForTheNextRun() throws IOException {
    long stuck = recorded("retention-stuck", Optional.of(KEEP.plusDays(2)));
    long other = recorded("retention-other", Optional.of(KEEP.plusDays(1)));
    SegmentStore failing =
        new SegmentStore(root) {
          @Override
          public void deleteBroadcast(long broadcastId) throws IOException {
            if (broadcastId == stuck) {
              throw new IOException("device busy");
            }
            super.deleteBroadcast(broadcastId);
          }
        };

    assertThat(retention(failing).run(10)).isEqualTo(1);

    assertThat(tracks(stuck)).hasSize(2);
    assertThat(hasFiles(stuck)).isTrue();
    assertThat(tracks(other)).isEmpty();
    assertThat(retention(store).run(10)).as("the next run").isEqualTo(1);
    assertThat(tracks(stuck)).isEmpty();
  }

  @Test
  void theRetentionMustBePositive() {
    assertThatThrownBy(
            () -> new RecordingRetention(store, transactions, Clock.systemUTC(), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
