package io.onair.streaming.application.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.streaming.domain.recording.NewSegment;
import io.onair.streaming.infrastructure.persistence.RecordingFixtures;
import io.onair.streaming.media.manifest.TrackKind;
import io.onair.streaming.media.manifest.TrackRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The bounded hand-off between packaging threads and the index writer. */
class IndexQueueTest {

  private static final TrackRef VIDEO = new TrackRef("720p", TrackKind.VIDEO);

  static IndexEntry.SegmentStored segment(long broadcastId, long number) {
    return new IndexEntry.SegmentStored(
        new NewSegment(
            broadcastId, VIDEO, number, number * 10, 10, Instant.EPOCH, 1, "p/" + number));
  }

  static IndexEntry.TrackStarted track(long broadcastId) {
    return new IndexEntry.TrackStarted(
        broadcastId, RecordingFixtures.video("720p"), "broadcasts/" + broadcastId + "/init");
  }

  @Test
  void aFullQueueRefusesSegmentsWithoutWaiting() {
    IndexQueue queue = new IndexQueue(2);
    assertThat(queue.offerSegment(segment(1, 0))).isTrue();
    assertThat(queue.offerSegment(segment(1, 1))).isTrue();
    assertThat(queue.offerSegment(segment(1, 2))).isFalse();
    assertThat(queue.segmentsWaiting()).isEqualTo(2);

    queue.poll(1);
    assertThat(queue.offerSegment(segment(1, 3))).as("room again").isTrue();
  }

  @Test
  void tracksAreNeverRefusedAndDoNotCountAgainstTheBound() {
    IndexQueue queue = new IndexQueue(1);
    queue.offerSegment(segment(1, 0));
    queue.offerTrack(track(2));
    queue.offerTrack(track(3));
    assertThat(queue.segmentsWaiting()).isEqualTo(1);
    assertThat(queue.poll(10)).hasSize(3);
  }

  @Test
  void entriesComeOutInTheOrderTheyWentInAtMostMaxAtATime() {
    IndexQueue queue = new IndexQueue(10);
    queue.offerTrack(track(1));
    queue.offerSegment(segment(1, 0));
    queue.offerSegment(segment(1, 1));

    assertThat(queue.poll(2)).containsExactly(track(1), segment(1, 0));
    assertThat(queue.poll(2)).containsExactly(segment(1, 1));
    assertThat(queue.poll(2)).isEmpty();
    assertThat(queue.segmentsWaiting()).isZero();
  }

  @Test
  void manyProducersNeverGetMoreSegmentsInThanTheBound() throws Exception {
    IndexQueue queue = new IndexQueue(1000);
    AtomicInteger accepted = new AtomicInteger();
    List<CompletableFuture<Void>> producers = new ArrayList<>();
    for (int p = 0; p < 8; p++) {
      long broadcast = p + 1;
      producers.add(
          CompletableFuture.runAsync(
              () -> {
                for (int n = 0; n < 500; n++) {
                  if (queue.offerSegment(segment(broadcast, n))) {
                    accepted.incrementAndGet();
                  }
                }
              }));
    }
    CompletableFuture.allOf(producers.toArray(CompletableFuture[]::new)).get();
    assertThat(accepted.get()).isEqualTo(1000);
    assertThat(queue.poll(5000)).hasSize(1000);
  }

  @Test
  void theCapacityMustBePositive() {
    assertThatThrownBy(() -> new IndexQueue(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
