package io.onair.streaming.application.recording;

import static io.onair.streaming.application.recording.IndexQueueTest.segment;
import static io.onair.streaming.application.recording.IndexQueueTest.track;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Draining the queue in batches, without a container or a database. */
class IndexDrainTest {

  /** Records every batch it is given; fails while {@code failing} says so. */
  private static final class Writer implements IndexDrain.BatchWriter {
    final List<List<IndexEntry>> written = new ArrayList<>();
    final List<List<IndexEntry>> attempts = new ArrayList<>();
    Predicate<List<IndexEntry>> failing = batch -> false;
    RuntimeException failure = new IllegalStateException("connection refused");

    @Override
    public void write(List<IndexEntry> batch) {
      attempts.add(List.copyOf(batch));
      if (failing.test(batch)) {
        throw failure;
      }
      written.add(List.copyOf(batch));
    }

    List<IndexEntry> all() {
      return written.stream().flatMap(List::stream).toList();
    }
  }

  private final IndexQueue queue = new IndexQueue(1000);
  private final Writer writer = new Writer();
  private final IndexDrain drain = new IndexDrain(queue, writer, 3);

  private void offer(int segments) {
    for (int n = 0; n < segments; n++) {
      queue.offerSegment(segment(1, n));
    }
  }

  /** What the database says when it refuses the data itself. */
  private static RuntimeException badData() {
    return new RuntimeException(
        "could not execute batch", new SQLException("value out of range", "22003"));
  }

  @Test
  void theQueueIsWrittenInBatchesOfAtMostTheBatchSizeInOrder() {
    queue.offerTrack(track(1));
    offer(6);

    assertThat(drain.drain()).isEqualTo(7);

    assertThat(writer.written).extracting(List::size).containsExactly(3, 3, 1);
    assertThat(writer.all().get(0)).isEqualTo(track(1));
    assertThat(writer.all().subList(1, 7))
        .containsExactly(
            segment(1, 0),
            segment(1, 1),
            segment(1, 2),
            segment(1, 3),
            segment(1, 4),
            segment(1, 5));
    assertThat(queue.segmentsWaiting()).isZero();
  }

  @Test
  void anEmptyQueueWritesNothing() {
    assertThat(drain.drain()).isZero();
    assertThat(writer.attempts).isEmpty();
  }

  @Test
  void aFailedBatchIsKeptAndNothingOvertakesIt() {
    offer(5);
    writer.failing = batch -> true;

    assertThat(drain.drain()).isZero();
    assertThat(drain.pending()).isEqualTo(3);
    assertThat(queue.segmentsWaiting()).as("the rest waits in the queue").isEqualTo(2);

    writer.failing = batch -> false;
    drain.drain(); // the pause after one failure: one run
    assertThat(drain.drain()).isEqualTo(5);
    assertThat(writer.all())
        .containsExactly(segment(1, 0), segment(1, 1), segment(1, 2), segment(1, 3), segment(1, 4));
  }

  @Test
  void thePauseAfterFailuresDoublesUpToItsLimit() {
    offer(1);
    writer.failing = batch -> true;
    List<Integer> pauses = new ArrayList<>();
    for (int failure = 0; failure < 8; failure++) {
      int before = writer.attempts.size();
      int runs = 0;
      while (writer.attempts.size() == before) {
        drain.drain();
        runs++;
      }
      pauses.add(runs - 1);
    }
    assertThat(pauses).containsExactly(0, 1, 2, 4, 8, 16, 32, IndexDrain.MAX_PAUSE_RUNS);
  }

  @Test
  void aSuccessEndsThePause() {
    offer(1);
    writer.failing = batch -> writer.attempts.size() <= 3;
    while (writer.written.isEmpty()) {
      drain.drain();
    }
    offer(1);
    assertThat(drain.drain()).as("written in the next run, no pause").isEqualTo(1);
  }

  @Test
  void aFlushAtShutdownIgnoresThePause() {
    offer(1);
    writer.failing = batch -> writer.attempts.size() <= 2;
    drain.drain();
    drain.drain(); // paused
    drain.drain(); // fails again: pause of 2
    assertThat(drain.drain()).isZero();
    assertThat(drain.flush()).isEqualTo(1);
  }

  @Test
  void aBatchRefusedAsBadDataIsSplitAndOnlyTheBadEntryDropped() {
    offer(3);
    writer.failure = badData();
    writer.failing = batch -> batch.contains(segment(1, 1));

    assertThat(drain.drain()).isEqualTo(2);

    assertThat(writer.all()).containsExactly(segment(1, 0), segment(1, 2));
    assertThat(drain.pending()).isZero();
  }

  @Test
  void whenTheDatabaseGoesAwayWhileSplittingTheRestIsKept() {
    offer(3);
    writer.failure = badData();
    writer.failing =
        batch -> {
          if (batch.size() == 1 && batch.get(0).equals(segment(1, 1))) {
            writer.failure = new IllegalStateException("connection lost");
          }
          return batch.size() > 1 || !batch.get(0).equals(segment(1, 0));
        };

    assertThat(drain.drain()).isEqualTo(1);
    assertThat(drain.pending()).as("segments 1 and 2 wait").isEqualTo(2);
    writer.failing = batch -> false;
    drain.flush();
    assertThat(writer.all()).containsExactly(segment(1, 0), segment(1, 1), segment(1, 2));
  }

  @Test
  void badDataIsTheDatabasesDataOrIntegrityClassFoundAnywhereInTheCauses() {
    assertThat(IndexDrain.isBadData(badData())).isTrue();
    assertThat(
            IndexDrain.isBadData(
                new RuntimeException(new RuntimeException(new SQLException("dup", "23505")))))
        .isTrue();
    assertThat(IndexDrain.isBadData(new RuntimeException(new SQLException("down", "08006"))))
        .isFalse();
    assertThat(IndexDrain.isBadData(new RuntimeException(new SQLException("no state")))).isFalse();
    assertThat(IndexDrain.isBadData(new IllegalStateException("pool exhausted"))).isFalse();
  }
}
