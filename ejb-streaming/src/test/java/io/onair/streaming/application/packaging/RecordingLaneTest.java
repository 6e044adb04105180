package io.onair.streaming.application.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecordingLaneTest {

  private final ExecutorService threads = Executors.newFixedThreadPool(4);
  private final RecordingLane lane = new RecordingLane("test", threads);

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  @Test
  void tasksRunOneAtATimeInTheOrderGivenOffTheCallersThread() throws Exception {
    List<Integer> ran = new ArrayList<>(); // unsynchronized: one at a time, or it breaks
    List<Thread> on = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      int n = i;
      assertThat(
              lane.submit(
                  () -> {
                    ran.add(n);
                    on.add(Thread.currentThread());
                  }))
          .isTrue();
      if (i % 50 == 49) { // stays within the capacity
        assertThat(lane.awaitDone(Duration.ofSeconds(10))).isTrue();
      }
    }
    assertThat(lane.awaitDone(Duration.ofSeconds(10))).isTrue();
    assertThat(ran).hasSize(2_000).isSorted();
    assertThat(on).doesNotContain(Thread.currentThread());
  }

  @Test
  void aStalledLaneRefusesPastItsCapacityAndCarriesOnWhenTheDiskDoes() throws Exception {
    CountDownLatch disk = new CountDownLatch(1);
    assertThat(lane.submit(() -> disk.await(10, TimeUnit.SECONDS))).isTrue();
    int accepted = 0;
    while (lane.submit(() -> {})) {
      accepted++;
    }
    assertThat(accepted).isBetween(RecordingLane.CAPACITY - 1, RecordingLane.CAPACITY);
    assertThat(lane.awaitDone(Duration.ofMillis(200))).as("still stalled").isFalse();

    disk.countDown();
    assertThat(lane.awaitDone(Duration.ofSeconds(10))).isTrue();
    assertThat(lane.submit(() -> {})).isTrue();
  }

  @Test
  void aFailingTaskIsLoggedAndTheNextOnesRun() throws Exception {
    List<String> ran = new ArrayList<>();
    lane.submit(
        () -> {
          throw new java.io.IOException("disk full");
        });
    lane.submit(() -> ran.add("next"));
    assertThat(lane.awaitDone(Duration.ofSeconds(10))).isTrue();
    assertThat(ran).containsExactly("next");
  }
}
